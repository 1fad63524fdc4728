package com.eceops.runbook.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application for {@link TrustBoundaryIT}: started once with {@code java -jar}, its console captured,
 * and called over HTTP as a given user (HTTP Basic), anonymously, or through the webapp's login form. Built after
 * {@link RunbookJar}, which it leaves alone.
 */
final class TrustJar implements AutoCloseable {

    static final String ADMIN_PASSWORD = "trust-admin-password-0815";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A person who calls the API; {@code null} in {@link #call} means anonymous. */
    record User(String id, String password, String group) {
        @Override
        public String toString() {
            return id + " (" + group + ")";
        }
    }

    /** What the server answered; status 0 when the connection failed, with the reason in the body. */
    record Reply(String method, String path, String who, int status, String body, HttpHeaders headers) {

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return JSON.nullNode();
            }
        }

        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        boolean is2xx() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            String excerpt = body == null ? "" : body.replaceAll("\\s+", " ");
            if (excerpt.length() > 300) {
                excerpt = excerpt.substring(0, 300) + "...";
            }
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "..." : path) + " as " + who
                    + " -> " + status + (excerpt.isEmpty() ? "" : " " + excerpt);
        }
    }

    private final Process process;
    private final int port;
    private final List<String> console = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private TrustJar(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::readConsole, "trust-jar-console");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * A patch registration as the SchedulePatch start form asks for it, with an explicit window ten days ahead,
     * as the typed variables of a start request.
     */
    static Map<String, Object> patchRegistration(String estate, String patchFile, String checksum) {
        java.time.format.DateTimeFormatter minutes = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        java.time.LocalDate day = java.time.LocalDate.now().plusDays(10);
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        variables.put("estate", estate);
        variables.put("runMode", "rehearsal");
        variables.put("patchFile", patchFile);
        variables.put("patchChecksum", checksum);
        variables.put("patchReadme", "Stop ECE, run setup.bat on each server in order, merge the key files.");
        variables.put("windowChoice", "explicit");
        variables.put("windowStart", day.atTime(22, 0).format(minutes));
        variables.put("windowEnd", day.plusDays(1).atTime(2, 0).format(minutes));
        variables.put("windowZone", "Europe/Berlin");
        Map<String, Object> typed = new java.util.LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return Map.of("variables", typed);
    }

    static Path jar() {
        return RunbookJar.jar();
    }

    static int freePort() throws IOException {
        return RunbookJar.freePort();
    }

    static TrustJar start(Map<String, String> environment) throws IOException {
        int port = Integer.parseInt(environment.get("RUNBOOK_PORT"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("RUNBOOK_") || name.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        return new TrustJar(builder.start(), port);
    }

    void awaitHealthy(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped during start-up:\n" + consoleText());
            }
            Reply health = call(null, "GET", "/actuator/health", null);
            if (health.status() == 200 && health.body().contains("UP")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("not healthy within " + limit + ":\n" + consoleText());
    }

    Reply get(User who, String path) {
        return call(who, "GET", path, null);
    }

    Reply post(User who, String path, Object body) {
        return call(who, "POST", path, body);
    }

    Reply put(User who, String path, Object body) {
        return call(who, "PUT", path, body);
    }

    Reply delete(User who, String path) {
        return call(who, "DELETE", path, null);
    }

    /** A call as {@code who} (null: anonymous); a body that is not a String is written as JSON. */
    Reply call(User who, String method, String path, Object body) {
        String authorization = who == null ? null : basic(who.id(), who.password());
        return send(who == null ? "anonymous" : who.toString(), authorization, method, path, body);
    }

    /** A call with explicit Basic credentials, right or wrong. */
    Reply callWithPassword(String user, String password, String method, String path) {
        return send(user + " (password given)", basic(user, password), method, path, null);
    }

    private Reply send(String who, String authorization, String method, String path, Object body) {
        String json;
        try {
            json = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else if ("POST".equals(method) || "PUT".equals(method)) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(method, path, who, response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            return new Reply(method, path, who, 0, "connection failed: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The webapp's login form as a browser posts it: a fresh session, its CSRF token from a page of the webapp,
     * then {@code username} and {@code password} form-encoded to the Cockpit login.
     */
    Reply webappLogin(String user, String password) {
        String path = "/camunda/api/admin/auth/user/default/login/cockpit";
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(url("/camunda/app/cockpit/default/"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            String token = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(url(path))
                    .timeout(Duration.ofSeconds(60)).header("X-XSRF-TOKEN", token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply("POST", path, user + " (login form)", response.statusCode(), response.body(),
                    response.headers());
        } catch (IOException e) {
            return new Reply("POST", path, user + " (login form)", 0, "connection failed: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    synchronized int consoleLines() {
        return console.size();
    }

    synchronized List<String> consoleSince(int line) {
        return new ArrayList<>(console.subList(Math.min(line, console.size()), console.size()));
    }

    synchronized String consoleText() {
        return String.join("\n", console);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void readConsole() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
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
}
