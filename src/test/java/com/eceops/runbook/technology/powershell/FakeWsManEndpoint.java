package com.eceops.runbook.technology.powershell;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A WS-Management endpoint on the JDK's HTTP server, enough for Overthere's WinRM client: the Basic challenge,
 * Create (a shell), Command, Receive (base64 streams and the exit code), Signal and Delete, and the
 * {@code w:TimedOut} fault a real server sends when a Receive outlives the operation timeout.
 */
final class FakeWsManEndpoint implements AutoCloseable {

    private static final Pattern ACTION = Pattern.compile("<[a-z]+:Action[^>]*>([^<]+)</[a-z]+:Action>");
    private static final Pattern COMMAND = Pattern.compile("<[a-z]+:Command>(.*?)</[a-z]+:Command>", Pattern.DOTALL);
    private static final Pattern ENCODED = Pattern.compile("-EncodedCommand\\s+(\\S+)");
    private static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";

    final List<String> actions = new CopyOnWriteArrayList<>();
    final List<String> scripts = new CopyOnWriteArrayList<>();
    volatile Function<String, FakeWindowsSshServer.Answer> answers = script -> FakeWindowsSshServer.Answer.json("{}");
    volatile boolean timeOutReceives;

    private final HttpServer server;
    private final String authorization;
    private final Map<String, FakeWindowsSshServer.Answer> pending = new ConcurrentHashMap<>();

    FakeWsManEndpoint(String user, String password, SSLContext tls) throws IOException {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        if (tls == null) {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } else {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/wsman", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"WSMAN\"");
            reply(exchange, 401, "");
            return;
        }
        Matcher action = ACTION.matcher(request);
        String uri = action.find() ? action.group(1).trim() : "";
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        actions.add(name);
        switch (name) {
            case "Create" -> reply(exchange, 200, envelope("<x:ResourceCreated><w:SelectorSet><w:Selector Name=\"ShellId\">"
                    + UUID.randomUUID() + "</w:Selector></w:SelectorSet></x:ResourceCreated>"));
            case "Command" -> command(exchange, request);
            case "Receive" -> receive(exchange, request);
            case "Signal" -> reply(exchange, 200, envelope("<rsp:SignalResponse/>"));
            case "Delete" -> reply(exchange, 200, envelope(""));
            default -> reply(exchange, 400, "");
        }
    }

    private void command(HttpExchange exchange, String request) throws IOException {
        Matcher command = COMMAND.matcher(request);
        String line = command.find() ? unescape(command.group(1)) : "";
        Matcher encoded = ENCODED.matcher(line);
        String script = encoded.find()
                ? new String(Base64.getDecoder().decode(encoded.group(1).replace("\"", "")), StandardCharsets.UTF_16LE) : line;
        scripts.add(script);
        String id = UUID.randomUUID().toString();
        pending.put(id, answers.apply(script));
        reply(exchange, 200, envelope("<rsp:CommandResponse><rsp:CommandId>" + id + "</rsp:CommandId></rsp:CommandResponse>"));
    }

    private void receive(HttpExchange exchange, String request) throws IOException {
        if (timeOutReceives) {
            reply(exchange, 500, envelope("<s:Fault><s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value>w:TimedOut</s:Value>"
                    + "</s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">The WS-Management service cannot complete the"
                    + " operation within the time specified in OperationTimeout.</s:Text></s:Reason></s:Fault>"));
            return;
        }
        Matcher id = Pattern.compile("CommandId=\"([^\"]+)\"").matcher(request);
        String commandId = id.find() ? id.group(1) : "";
        FakeWindowsSshServer.Answer answer = pending.remove(commandId);
        if (answer == null) {
            answer = new FakeWindowsSshServer.Answer(0, "", "", java.time.Duration.ZERO);
        }
        String base64 = Base64.getEncoder().encodeToString(answer.stdout().getBytes(StandardCharsets.UTF_8));
        String errors = Base64.getEncoder().encodeToString(answer.stderr().getBytes(StandardCharsets.UTF_8));
        reply(exchange, 200, envelope("<rsp:ReceiveResponse>"
                + "<rsp:Stream Name=\"stdout\" CommandId=\"" + commandId + "\">" + base64 + "</rsp:Stream>"
                + "<rsp:Stream Name=\"stderr\" CommandId=\"" + commandId + "\">" + errors + "</rsp:Stream>"
                + "<rsp:CommandState CommandId=\"" + commandId + "\" State=\"" + SHELL + "/CommandState/Done\">"
                + "<rsp:ExitCode>" + answer.exitCode() + "</rsp:ExitCode></rsp:CommandState></rsp:ReceiveResponse>"));
    }

    private static String envelope(String body) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\""
                + " xmlns:x=\"http://schemas.xmlsoap.org/ws/2004/09/transfer\" xmlns:rsp=\"" + SHELL + "\">"
                + "<s:Header/><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    private static String unescape(String xml) {
        return xml.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/soap+xml;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
