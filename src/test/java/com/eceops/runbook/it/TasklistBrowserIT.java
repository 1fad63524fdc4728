package com.eceops.runbook.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.eceops.runbook.it.TrustJar.Reply;
import com.eceops.runbook.it.TrustJar.User;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The trust boundary as people meet it in a real browser: src/test/node/tasklist-trust.mjs drives Debian's chromium
 * (playwright-core) through Tasklist and Cockpit of the packaged jar, one flow per test, and this class prepares the
 * users and the patch over REST and checks afterwards, as the administrator, what the server recorded. Tasklist's
 * own form submissions must pass the server-side form validation; the refusals must be readable on the page.
 * Screenshots and what the browser sent are in target/browser/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistBrowserIT {

    private static final Path NODE_DIR = Path.of("src/test/node");
    private static final Path OUTPUT = Path.of("target/browser");
    private static final String CHROMIUM = System.getProperty("chromium", "/usr/bin/chromium");
    private static final String ESTATE = "massivedynamic";
    private static final String PATCH_FILE_NAME = "ECE_12.5_ES5.zip";
    private static final String CHECKSUM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static final User ADMIN = new User("admin", TrustJar.ADMIN_PASSWORD, "camunda-admin");
    static final User CAROL = new User("carol", "Browser-carol-5Tg!2026", "change-managers");
    static final User CHRIS = new User("chris", "Browser-chris-8Kd!2026", "change-managers");
    static final User OLGA = new User("olga", "Browser-olga-2Wn!2026", "operators");
    static final User MAX = new User("max", "Browser-max-6Zr!2026", "managers");

    private static TrustJar jar;
    private static Path work;
    private static int port;

    @BeforeAll
    static void startOnceWithUsers() throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium (apt-get install -y"
                    + " chromium) or name another with -Dchromium=<path>");
        }
        installIfMissing();
        Files.createDirectories(OUTPUT);

        work = Files.createTempDirectory("runbook-browser");
        Path estates = Files.createDirectories(work.resolve("estates"));
        try (Stream<Path> files = Files.list(Path.of("estates"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, estates.resolve(file.getFileName()));
            }
        }
        port = TrustJar.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("RUNBOOK_DATA_DIR", Files.createDirectories(work.resolve("data")).toString());
        env.put("RUNBOOK_ESTATES_DIR", estates.toString());
        env.put("RUNBOOK_SCENARIOS_DIR", Files.createDirectories(work.resolve("scenarios")).toString());
        env.put("RUNBOOK_PORT", Integer.toString(port));
        env.put("RUNBOOK_ADMIN_PASSWORD", TrustJar.ADMIN_PASSWORD);
        env.put("RUNBOOK_REHEARSAL_DURATION_SCALE", "0");
        // Failed logins are slowed up to two seconds at most, so that the login flow waits out a Retry-After quickly.
        env.put("RUNBOOK_LOGIN_DELAY_MAX", "PT2S");
        jar = TrustJar.start(env);
        jar.awaitHealthy(Duration.ofMinutes(3));

        // a. the people, as the administrator creates them
        for (User person : List.of(CAROL, CHRIS, OLGA, MAX)) {
            Map<String, Object> profile = Map.of("id", person.id(), "firstName", capitalized(person.id()),
                    "lastName", "Browser", "email", person.id() + "@example.com");
            Reply created = jar.post(ADMIN, "/engine-rest/user/create",
                    Map.of("profile", profile, "credentials", Map.of("password", person.password())));
            assertEquals(204, created.status(), "create user " + person.id() + ": " + created);
            Reply member = jar.put(ADMIN, "/engine-rest/group/" + person.group() + "/members/" + person.id(), null);
            assertEquals(204, member.status(), "put " + person.id() + " in " + person.group() + ": " + member);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (jar != null) {
                Files.writeString(OUTPUT.resolve("console.log"), jar.consoleText());
                jar.close();
            }
        } finally {
            if (work != null) {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    /** c, d: carol cannot approve her own patch in Tasklist and is told why; chris approves it in the form. */
    @Test
    @Order(10)
    void theRequesterIsRefusedReadablyAndAnotherChangeManagerApprovesInTasklist() throws Exception {
        // b. carol registers a patch over REST
        Reply registered = registerPatch(CAROL);
        assertEquals(200, registered.status(), "carol registers a patch: " + registered);
        String patch = registered.json().path("id").asText();
        JsonNode task = awaitTask(patch, "Task_ApprovePatchWindow");
        assertTrue(task != null, "the patch " + patch + " does not wait for approval");

        JsonNode result = runFlow("approval");
        assertEquals(task.path("id").asText(), result.path("approvalTaskId").asText(),
                "the browser opened another task than the patch's approval");

        String approver = historicVariable(patch, "approver");
        assertEquals("chris", approver, "the historic variable approver of " + patch);
        Reply historicTask = jar.get(ADMIN, "/engine-rest/history/task?taskId=" + task.path("id").asText());
        JsonNode approval = historicTask.json().path(0);
        assertEquals("chris", approval.path("assignee").asText(null), "the historic approval task's assignee: "
                + historicTask);
        assertEquals("completed", approval.path("deleteReason").asText(null), "the approval task ended: " + historicTask);
        assertEquals("carol", historicVariable(patch, "requester"), "the historic requester of " + patch);
    }

    /** e: olga's Start process list, a run started from the start form and its first task completed in its form. */
    @Test
    @Order(20)
    void anOperatorStartsARunAndCompletesItsTaskThroughTasklistsForms() throws Exception {
        JsonNode result = runFlow("operator");
        String run = result.path("runId").asText();
        Reply instance = jar.get(ADMIN, "/engine-rest/history/process-instance/" + run);
        assertEquals(200, instance.status(), "the run Tasklist started: " + instance);
        assertTrue(instance.json().path("businessKey").asText("").startsWith(ESTATE + ".rehearsal."),
                "the run's business key: " + instance);
        assertEquals("Preinstallation", instance.json().path("processDefinitionKey").asText(), instance.toString());
        assertEquals("olga", instance.json().path("startUserId").asText(null), "the run's start user: " + instance);
        Reply byKey = jar.get(ADMIN, "/engine-rest/history/process-instance?processInstanceBusinessKeyLike="
                + ESTATE + ".rehearsal.%25&startedBy=olga");
        assertTrue(byKey.json().size() >= 1, "no run of olga with business key " + ESTATE + ".rehearsal.*: " + byKey);

        String taskId = result.path("operatorTaskId").asText();
        Reply historicTask = jar.get(ADMIN, "/engine-rest/history/task?taskId=" + taskId);
        JsonNode task = historicTask.json().path(0);
        assertEquals("completed", task.path("deleteReason").asText(null), "the operator task: " + historicTask);
        assertEquals("olga", task.path("assignee").asText(null), "the operator task's assignee: " + historicTask);
        assertEquals(instance.json().path("businessKey").asText(), jar.get(ADMIN, "/engine-rest/history/process-instance/"
                + task.path("processInstanceId").asText()).json().path("businessKey").asText(),
                "the completed task belongs to the run Tasklist started");
        Reply confirmed = jar.get(ADMIN, "/engine-rest/history/variable-instance?processInstanceId="
                + task.path("processInstanceId").asText() + "&variableName=virtualMachinesDeployed");
        assertEquals("true", confirmed.json().path(0).path("value").asText(null),
                "virtualMachinesDeployed as Tasklist submitted it: " + confirmed);
    }

    /** f: the login page shows the refusals of wrong passwords and the slowing down; then max gets into Cockpit. */
    @Test
    @Order(30)
    void aSlowedLoginIsShownAndTheRightPasswordGetsIntoCockpit() throws Exception {
        JsonNode result = runFlow("login");
        List<Integer> statuses = new ArrayList<>();
        result.path("attempts").forEach(attempt -> statuses.add(attempt.path("status").asInt()));
        assertTrue(statuses.contains(429), "no 429 among the wrong passwords: " + statuses);
        assertEquals(200, result.path("rightPassword").path("status").asInt(), result.toString());
        String console = jar.consoleText();
        for (JsonNode attempt : result.path("attempts")) {
            assertTrue(!console.contains("wrong-password-" + attempt.path("attempt").asInt()),
                    "a wrong password typed in the browser is on the console");
        }
        assertTrue(!console.contains(MAX.password()), "max's password is on the console");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Runs one flow of the script; fails with its output unless it exits 0. Returns its record (flow.json). */
    private static JsonNode runFlow(String flow) throws IOException, InterruptedException {
        Map<String, Object> users = new LinkedHashMap<>();
        users.put("admin", credentials(ADMIN));
        users.put("requester", credentials(CAROL));
        users.put("approver", credentials(CHRIS));
        users.put("operator", credentials(OLGA));
        users.put("manager", credentials(MAX));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("baseUrl", "http://localhost:" + port);
        config.put("chromium", CHROMIUM);
        config.put("patchFile", PATCH_FILE_NAME);
        config.put("estate", ESTATE);
        config.put("users", users);

        Path record = OUTPUT.resolve(flow + ".json");
        Files.deleteIfExists(record);
        ProcessBuilder builder = new ProcessBuilder("node", "tasklist-trust.mjs", flow, OUTPUT.toAbsolutePath().toString())
                .directory(NODE_DIR.toFile()).redirectErrorStream(true);
        builder.environment().put("TASKLIST_TRUST_CONFIG", TrustJar.JSON.writeValueAsString(config));
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ended) {
                // the process is gone
            }
        }, "tasklist-trust-" + flow);
        reader.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        reader.join(10_000);
        System.out.println("Browser flow " + flow + ":\n" + output);
        Files.writeString(OUTPUT.resolve(flow + ".log"), output);
        assertEquals(0, process.isAlive() ? -1 : process.exitValue(), "the browser flow " + flow + " failed"
                + " (screenshots in " + OUTPUT + "):\n" + output);
        return TrustJar.JSON.readTree(record.toFile());
    }

    private static Map<String, String> credentials(User user) {
        return Map.of("id", user.id(), "password", user.password());
    }

    /** A clean clone has no node_modules: the first use installs them from the committed package-lock.json. */
    private static synchronized void installIfMissing() throws IOException, InterruptedException {
        if (Files.isDirectory(NODE_DIR.resolve("node_modules/playwright-core"))) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE_DIR.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("npm ci did not finish in 600 s in " + NODE_DIR);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed in " + NODE_DIR + ":\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
    }

    /** A patch registration as the SchedulePatch start form asks for it (as in TrustBoundaryIT). */
    private static Reply registerPatch(User who) {
        return jar.post(who, "/engine-rest/process-definition/key/SchedulePatch/start",
                TrustJar.patchRegistration(ESTATE, "\\\\fileserver\\patches\\" + PATCH_FILE_NAME, CHECKSUM));
    }

    private static JsonNode awaitTask(String run, String taskKey) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
            Reply tasks = jar.get(ADMIN, "/engine-rest/task?processInstanceId=" + run + "&taskDefinitionKey=" + taskKey);
            if (tasks.status() == 200 && tasks.json().size() > 0) {
                return tasks.json().get(0);
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return null;
    }

    private static String historicVariable(String run, String name) {
        Reply reply = jar.get(ADMIN, "/engine-rest/history/variable-instance?processInstanceId=" + run
                + "&variableName=" + name);
        JsonNode first = reply.json().path(0);
        return first.isMissingNode() ? null : first.path("value").asText(null);
    }

    private static String capitalized(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
