package com.eceops.runbook.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged application started as an operator starts it: {@code java -jar}, configured only through
 * environment variables and arguments, its console captured.
 */
public final class RunbookJar implements AutoCloseable {

    static final String ADMIN_PASSWORD = "it-admin-password-4711";

    private final Process process;
    private final List<String> console = new ArrayList<>();
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunbookJar(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::readConsole, "runbook-jar-console");
        reader.setDaemon(true);
        reader.start();
    }

    static Path jar() {
        String configured = System.getProperty("runbook.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target/ece-ha-runbook-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("package the application first: " + jar + " is missing");
        }
        return jar;
    }

    /** Environment every test start needs: its own data folder, the sample estates, a free port. */
    public static Map<String, String> baseEnvironment(Path dataDir, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("RUNBOOK_DATA_DIR", dataDir.toString());
        env.put("RUNBOOK_ESTATES_DIR", Path.of("estates").toAbsolutePath().toString());
        env.put("RUNBOOK_PORT", Integer.toString(port));
        env.put("RUNBOOK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return env;
    }

    public static RunbookJar start(Map<String, String> environment, String... arguments) throws IOException {
        int port = Integer.parseInt(environment.getOrDefault("RUNBOOK_PORT", "0"));
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("RUNBOOK_") || name.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        return new RunbookJar(builder.start(), port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    void awaitHealthy(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped during start-up:\n" + consoleText());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("not healthy within " + limit + ":\n" + consoleText());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(authorized(HttpRequest.newBuilder(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(authorized(HttpRequest.newBuilder(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs JSON as another user of the application (HTTP Basic), as that person's browser or script would. */
    HttpResponse<String> postJsonAs(String user, String password, String path, String json) throws IOException, InterruptedException {
        return http.send(authorized(HttpRequest.newBuilder(url(path)), user, password).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(String path) throws IOException, InterruptedException {
        return http.send(authorized(HttpRequest.newBuilder(url(path))).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(authorized(HttpRequest.newBuilder(url(path))).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A run started over REST: its process instance id and business key. */
    record Run(String id, String businessKey) {
    }

    /** Starts a rehearsal of the sample estate over REST. */
    Run startRehearsal(String processKey) throws IOException, InterruptedException {
        HttpResponse<String> started = postJson("/engine-rest/process-definition/key/" + processKey + "/start",
                "{\"variables\":{\"estate\":{\"value\":\"massivedynamic\"},\"runMode\":{\"value\":\"rehearsal\"}}}");
        if (started.statusCode() != 200) {
            throw new IllegalStateException("starting " + processKey + " answered " + started.statusCode() + ": " + started.body());
        }
        return new Run(field(started.body(), "id"), field(started.body(), "businessKey"));
    }

    /** Whether the run has ended as completed (history), answering its open tasks meanwhile. */
    boolean answerAndCheckCompleted(Run run) throws IOException, InterruptedException {
        String state = get("/engine-rest/history/process-instance/" + run.id()).body();
        if (state.contains("\"state\":\"COMPLETED\"")) {
            return true;
        }
        answerOpenTasks(run.businessKey());
        return false;
    }

    static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /**
     * Completes the run's open human tasks over REST with the answers the headless rehearsal uses
     * ({@code rehearsals/massivedynamic-answers.yaml}), as an operator in Tasklist would. Returns how many.
     */
    @SuppressWarnings("unchecked")
    int answerOpenTasks(String businessKey) throws IOException, InterruptedException {
        Map<String, Map<String, Object>> answers;
        try (var reader = Files.newBufferedReader(Path.of("rehearsals/massivedynamic-answers.yaml"))) {
            answers = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                    new org.yaml.snakeyaml.LoaderOptions())).load(reader);
        }
        String tasks = get("/engine-rest/task?processInstanceBusinessKey=" + businessKey).body();
        var matcher = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"[^}]*?\"taskDefinitionKey\":\"([^\"]+)\"")
                .matcher(tasks);
        int answered = 0;
        while (matcher.find()) {
            Map<String, Object> values = answers.getOrDefault(matcher.group(2), Map.of());
            StringBuilder json = new StringBuilder("{\"variables\":{");
            values.forEach((name, value) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                    .append('"').append(name).append("\":{\"value\":")
                    .append(value instanceof Boolean || value instanceof Number ? value.toString()
                            : '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                    .append('}'));
            json.append("}}");
            var completed = postJson("/engine-rest/task/" + matcher.group(1) + "/complete", json.toString());
            if (completed.statusCode() / 100 != 2) {
                throw new IllegalStateException("completing " + matcher.group(2) + " failed: " + completed.body());
            }
            answered++;
        }
        return answered;
    }

    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not exit within " + limit + ":\n" + consoleText());
        }
        return process.exitValue();
    }

    /** Resident memory now and at its peak, in MB, from /proc (Linux). */
    String residentMemory() throws IOException {
        long now = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                now = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return now + " MB (peak " + peak + " MB)";
    }

    /** Ends the application like a crash or a power cut would: no graceful shutdown. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public synchronized String consoleText() {
        return String.join("\n", console);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return authorized(request, "admin", ADMIN_PASSWORD);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + token).timeout(Duration.ofSeconds(30));
    }

    private void readConsole() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (this) {
                    console.add(line);
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
