package com.eceops.runbook.technology.sql.tds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for SQL Server 2016 that the real mssql-jdbc driver talks to over TDS 7.4 on
 * loopback. It refuses TLS at PRELOGIN (tests connect with {@code encrypt=false}), accepts SQL logins or, once told an account, Windows logins by NTLMv2, answers
 * SQL_BATCH and RPC requests by the first scripted pattern that the statement matches (latest script first)
 * and records every statement it receives. Unscripted statements get an empty, successful answer.
 */
public final class FakeTdsServer implements AutoCloseable {

    static final String SERVER_NAME = "FAKESQL";

    /** An INFO or ERROR token. Numbers and texts in tests come from SQL Server's documentation. */
    public record Message(int number, int severity, int state, String text, int line) {
    }

    /** A result set; INT columns are those whose values are Integers, every other column is NVARCHAR. */
    public record Result(List<String> columns, List<List<Object>> rows) {
        boolean isInt(int column) {
            return rows.stream().map(r -> r.get(column)).filter(v -> v != null).findFirst()
                    .map(v -> v instanceof Integer).orElse(false);
        }
    }

    /** What the server received: a batch's text or an RPC's statement, with any RPC parameter values. */
    public record Received(String sql, List<Object> parameters, String user) {
    }

    /** The scripted answer to a statement: messages, results and counts in order, after an optional delay. */
    public static final class Reply {
        private final List<Object> items = new ArrayList<>();
        private Duration delay = Duration.ZERO;

        public static Reply ok() {
            return new Reply();
        }

        public Reply info(int number, String text) {
            items.add(new Message(number, 0, 1, text, 1));
            return this;
        }

        public Reply error(int number, int severity, int state, String text, int line) {
            items.add(new ErrorItem(new Message(number, severity, state, text, line)));
            return this;
        }

        public Reply rows(List<String> columns, List<List<Object>> rows) {
            items.add(new Result(columns, rows));
            return this;
        }

        public Reply rowCount(long count) {
            items.add(count);
            return this;
        }

        public Reply delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        private record ErrorItem(Message message) {
        }
    }

    private record Rule(Pattern pattern, Reply reply) {
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private volatile String user = "runbook";
    /** When set, answers every statement instead of the scripted rules (a wire lab). */
    public volatile java.util.function.Function<Received, Reply> answers;
    private volatile String password = "lab-Passw0rd!";
    private volatile java.util.function.Supplier<NtlmAcceptor> ntlm;
    private volatile String windowsAccount;

    public FakeTdsServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        acceptor = new Thread(this::accept, "fake-tds-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String host() {
        return "127.0.0.1";
    }

    /**
     * Takes Windows logins (NTLMv2) of the domain account with that password, as an instance joined to the domain
     * does; SQL logins are then refused, as a Windows-authentication-only instance refuses them.
     */
    public FakeTdsServer windowsLogin(String domain, String user, String password) {
        this.windowsAccount = domain + "\\" + user;
        this.ntlm = () -> new NtlmAcceptor(domain, user, password);
        return this;
    }

    /** The NTLM round trip: CHALLENGE for the NEGOTIATE in LOGIN7, then the client's AUTHENTICATE in an SSPI message. */
    private String windowsLogin(TdsChannel channel, TdsRequests.Login login) throws IOException {
        java.util.function.Supplier<NtlmAcceptor> accounts = ntlm;
        if (accounts == null || login.sspi().length == 0) {
            return null;
        }
        NtlmAcceptor acceptor = accounts.get();
        channel.write(TdsChannel.TABULAR_RESULT, new TdsTokens().sspi(acceptor.challenge(login.sspi())).bytes());
        TdsChannel.Message authenticate = channel.read();
        if (authenticate == null || authenticate.type() != TdsChannel.SSPI) {
            return null;
        }
        return acceptor.accept(authenticate.payload()).orElse(null);
    }

    private String sqlLogin(TdsRequests.Login login) {
        boolean accepted = ntlm == null && login.user().equals(user) && login.password().equals(password);
        return accepted ? login.user() : null;
    }

    public FakeTdsServer login(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    /** Answers statements that contain a match of {@code regex} (case-insensitive, dot matches newlines). */
    public FakeTdsServer when(String regex, Reply reply) {
        rules.add(0, new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), reply));
        return this;
    }

    public List<Received> received() {
        return Collections.unmodifiableList(received);
    }

    public List<String> statements() {
        return received.stream().map(Received::sql).toList();
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket client : clients) {
                client.close();
            }
        } catch (IOException e) {
            // closing a test fixture: nothing to do
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                clients.add(client);
                Thread session = new Thread(() -> serve(client), "fake-tds-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            TdsChannel channel = new TdsChannel(client);
            String loggedIn = null;
            TdsChannel.Message message;
            while ((message = channel.read()) != null) {
                switch (message.type()) {
                    case TdsChannel.PRELOGIN -> channel.write(TdsChannel.TABULAR_RESULT, preloginResponse());
                    case TdsChannel.LOGIN7 -> {
                        TdsRequests.Login login = TdsRequests.login(message.payload());
                        loggedIn = login.integratedSecurity() ? windowsLogin(channel, login) : sqlLogin(login);
                        if (loggedIn == null) {
                            channel.write(TdsChannel.TABULAR_RESULT, new TdsTokens()
                                    .error(new Message(18456, 14, 1, "Login failed for user '" + (login.integratedSecurity()
                                            ? windowsAccount : login.user()) + "'.", 1))
                                    .done(TdsTokens.DONE_ERROR, 0).bytes());
                            return;
                        }
                        channel.write(TdsChannel.TABULAR_RESULT, new TdsTokens()
                                .databaseChange(login.database().isEmpty() ? "master" : login.database())
                                .info(new Message(5701, 0, 2, "Changed database context to 'master'.", 1))
                                .collationChange().loginAck("Microsoft SQL Server")
                                .packetSizeChange(login.packetSize()).done(TdsTokens.DONE_FINAL, 0).bytes());
                    }
                    case TdsChannel.SQL_BATCH -> {
                        String sql = TdsRequests.batch(message.payload());
                        Received batch = new Received(sql, List.of(), loggedIn);
                        received.add(batch);
                        answer(channel, batch, false);
                    }
                    case TdsChannel.RPC -> {
                        TdsRequests.Rpc rpc = TdsRequests.rpc(message.payload());
                        Received call = new Received(rpc.statement(), rpc.parameters(), loggedIn);
                        received.add(call);
                        answer(channel, call, true);
                    }
                    case TdsChannel.ATTENTION -> channel.write(TdsChannel.TABULAR_RESULT,
                            new TdsTokens().done(TdsTokens.DONE_ATTN, 0).bytes());
                    default -> {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void answer(TdsChannel channel, Received request, boolean rpc) throws IOException {
        java.util.function.Function<Received, Reply> lab = answers;
        Reply reply = lab != null ? lab.apply(request) : rules.stream().filter(r -> r.pattern().matcher(request.sql()).find())
                .map(Rule::reply).findFirst().orElse(Reply.ok());
        if (!reply.delay.isZero()) {
            TdsChannel.Message interrupt = channel.readWithin(reply.delay.toMillis());
            if (interrupt != null && interrupt.type() == TdsChannel.ATTENTION) {
                // mssql-jdbc reads the end of the interrupted response first, then the acknowledgement as a
                // message of its own (MS-TDS 2.2.1.7: the server acknowledges with DONE and the ATTN bit).
                channel.write(TdsChannel.TABULAR_RESULT, new TdsTokens().done(TdsTokens.DONE_ERROR, 0).bytes());
                channel.write(TdsChannel.TABULAR_RESULT, new TdsTokens().done(TdsTokens.DONE_ATTN, 0).bytes());
                return;
            }
        }
        TdsTokens tokens = new TdsTokens();
        boolean failed = false;
        for (Object item : reply.items) {
            if (item instanceof Message info) {
                tokens.info(info);
            } else if (item instanceof Reply.ErrorItem error) {
                tokens.error(error.message());
                failed = true;
            } else if (item instanceof Result result) {
                tokens.resultSet(result);
                done(tokens, rpc, TdsTokens.DONE_MORE | TdsTokens.DONE_COUNT, result.rows().size());
            } else if (item instanceof Long count) {
                done(tokens, rpc, TdsTokens.DONE_MORE | TdsTokens.DONE_COUNT, count);
            }
        }
        if (rpc) {
            tokens.returnStatus(failed ? 1 : 0).doneProc(failed ? TdsTokens.DONE_ERROR : TdsTokens.DONE_FINAL);
        } else {
            tokens.done(failed ? TdsTokens.DONE_ERROR : TdsTokens.DONE_FINAL, 0);
        }
        channel.write(TdsChannel.TABULAR_RESULT, tokens.bytes());
    }

    private static void done(TdsTokens tokens, boolean rpc, int status, long count) {
        if (rpc) {
            tokens.doneInProc(status, count);
        } else {
            tokens.done(status, count);
        }
    }

    /** VERSION 13.0.5000, ENCRYPTION = ENCRYPT_NOT_SUP, INSTOPT, MARS off (MS-TDS 2.2.6.5). */
    private static byte[] preloginResponse() {
        byte[][] options = {{0x0D, 0x00, 0x13, (byte) 0x88, 0, 0}, {0x02}, {0x00}, {0x00}};
        int[] tokens = {0x00, 0x01, 0x02, 0x04};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = options.length * 5 + 1;
        for (int i = 0; i < options.length; i++) {
            out.write(tokens[i]);
            out.write(offset >>> 8);
            out.write(offset);
            out.write(0);
            out.write(options[i].length);
            offset += options[i].length;
        }
        out.write(0xFF);
        for (byte[] option : options) {
            out.writeBytes(option);
        }
        return out.toByteArray();
    }
}
