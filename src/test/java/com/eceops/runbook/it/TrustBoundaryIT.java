package com.eceops.runbook.it;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

import com.eceops.runbook.it.TrustJar.Reply;
import com.eceops.runbook.it.TrustJar.User;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The trust boundary of the packaged runbook, over HTTP: every known way around it (skipping the live guard,
 * four eyes by variable, operators rewriting runs, change managers starting installs, password guessing, anonymous
 * endpoints, unclear refusals, forms not checked on the server, inventory values that smuggle T-SQL) is replayed as
 * each group concerned and anonymously, and must be refused with the stated status; each group must still be able
 * to do its own work. One start of the jar serves the whole class; the tests run in order because later ones use
 * the users and runs of earlier ones, and the lock-out comes last because it may leave the administrator locked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustBoundaryIT {

    private static final String ESTATE = "massivedynamic";
    private static final String BAD_ESTATE = "badnames";
    private static final String FAULTY_SCENARIO = "trust-host-facts-fail-once";
    private static final String CONFIRM_VMS = "Task_ConfirmVirtualMachinesDeployed";
    private static final String CHECKBOX = "virtualMachinesDeployed";
    private static final String CHECKSUM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String PATCH_FILE = "\\\\fileserver\\patches\\ECE_12.5_ES5.zip";
    private static final String EVIL_COMMAND = "setup.exe & del C:\\x";
    private static final Pattern STACK_FRAME = Pattern.compile("^\\tat (org\\.camunda|com\\.eceops)");

    static final User ADMIN = new User("admin", TrustJar.ADMIN_PASSWORD, "camunda-admin");
    static final User OLGA = new User("olga", "Trust-olga-7Qx!2026", "operators");
    static final User OSCAR = new User("oscar", "Trust-oscar-4Rk!2026", "operators");
    static final User CAROL = new User("carol", "Trust-carol-9Lm!2026", "change-managers");
    static final User CHRIS = new User("chris", "Trust-chris-3Vb!2026", "change-managers");
    static final User MIA = new User("mia", "Trust-mia-6Pw!2026", "managers");
    static final User DANA = new User("dana", "Trust-dana-2Hs!2026", "dbas");
    static final User DOMINIC = new User("dominic", "Trust-dominic-8Jt!2026", "domain-admins");
    static final List<User> PEOPLE = List.of(OLGA, OSCAR, CAROL, CHRIS, MIA, DANA, DOMINIC);

    private static final TrustLedger ledger = new TrustLedger();
    private static TrustJar jar;
    private static Path work;
    private static int badValueLine;
    private static String systemChecksStartEvent;
    private static String approvalTask;
    /** Started by the positive case of the operators; the managers must see it. */
    private static String operatorsRun;

    @BeforeAll
    static void startOnceWithUsersOfEveryGroup() throws Exception {
        systemChecksStartEvent = firstMatch(Path.of("bpmn/SystemChecks.bpmn"), "<bpmn:startEvent id=\"([^\"]+)\"");
        approvalTask = firstMatch(Path.of("bpmn/SchedulePatch.bpmn"),
                "<bpmn:userTask id=\"([^\"]+)\"[^>]*camunda:formRef=\"ApprovePatchWindow\"");

        work = Files.createTempDirectory("runbook-trust");
        Path estates = Files.createDirectories(work.resolve("estates"));
        try (Stream<Path> files = Files.list(Path.of("estates"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, estates.resolve(file.getFileName()));
            }
        }
        writeBadNamesEstate(estates.resolve(BAD_ESTATE + ".yaml"));
        Path scenarios = Files.createDirectories(work.resolve("scenarios"));
        for (Path dir : List.of(Path.of("src/main/resources/scenarios"), Path.of("src/test/resources/trust/scenarios"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, scenarios.resolve(file.getFileName()));
                }
            }
        }

        Map<String, String> env = new HashMap<>();
        env.put("RUNBOOK_DATA_DIR", Files.createDirectories(work.resolve("data")).toString());
        env.put("RUNBOOK_ESTATES_DIR", estates.toString());
        env.put("RUNBOOK_SCENARIOS_DIR", scenarios.toString());
        env.put("RUNBOOK_PORT", Integer.toString(TrustJar.freePort()));
        env.put("RUNBOOK_ADMIN_PASSWORD", TrustJar.ADMIN_PASSWORD);
        env.put("RUNBOOK_REHEARSAL_DURATION_SCALE", "0");
        // The login throttle's cap; whatever name it lands under in application.yaml is given the same value.
        env.put("RUNBOOK_LOGIN_DELAY_MAX", "PT2S");
        loginDelayCapVariables().forEach(name -> env.put(name, "PT2S"));

        jar = TrustJar.start(env);
        jar.awaitHealthy(Duration.ofMinutes(3));

        for (User person : PEOPLE) {
            Map<String, Object> profile = Map.of("id", person.id(), "firstName", capitalized(person.id()),
                    "lastName", "Trust", "email", person.id() + "@example.com");
            Reply created = jar.post(ADMIN, "/engine-rest/user/create",
                    Map.of("profile", profile, "credentials", Map.of("password", person.password())));
            require(created.status() == 204, "create user " + person.id() + ": " + created);
            Reply member = jar.put(ADMIN, "/engine-rest/group/" + person.group() + "/members/" + person.id(), null);
            require(member.status() == 204, "put " + person.id() + " in " + person.group() + ": " + member);
        }
    }

    @AfterAll
    static void countAndStop() throws Exception {
        try {
            if (jar != null) {
                long frames = jar.consoleSince(0).stream().filter(line -> STACK_FRAME.matcher(line).find()).count();
                Files.writeString(Path.of("target/trust-boundary-console.log"), jar.consoleText());
                System.out.println("Trust boundary probes:\n" + ledger.report());
                System.out.println("Trust boundary: " + frames + " stack-frame lines (\\tat org.camunda / \\tat com.eceops)"
                        + " on the console during the whole suite (target/trust-boundary-console.log)");
            }
            System.out.println("Trust boundary: " + ledger.bypassesTried() + " bypasses tried, "
                    + ledger.bypassesRefused() + " refused");
        } finally {
            if (jar != null) {
                jar.close();
            }
            if (work != null) {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
        List<TrustLedger.Entry> succeeded = ledger.bypassesThatSucceeded();
        if (!succeeded.isEmpty()) {
            throw new AssertionError(succeeded.size() + " bypasses succeeded:\n" + String.join("\n",
                    succeeded.stream().map(e -> e.test() + " / " + e.what() + ": " + e.detail()).toList()));
        }
    }

    @BeforeEach
    void name(TestInfo test) {
        ledger.begin(test.getTestMethod().map(java.lang.reflect.Method::getName).orElse(test.getDisplayName()));
    }

    // ---------------------------------------------------------------------------------------------- item 6 (anonymous)

    @Test
    @Order(10)
    void anonymousCallersGetNothingButHealth() {
        ledger.bypass("anonymous GET /engine-rest/engine", jar.get(null, "/engine-rest/engine"), 401);
        ledger.bypass("anonymous GET /actuator", jar.get(null, "/actuator"), 401, 404);
        ledger.bypass("anonymous GET /actuator/env", jar.get(null, "/actuator/env"), 401, 404);
        ledger.bypass("anonymous GET /engine-rest/process-definition", jar.get(null, "/engine-rest/process-definition"), 401);
        ledger.bypass("anonymous start of SystemChecks", startRun(null, "SystemChecks", rehearsal()), 401);
        ledger.positive("anonymous GET /actuator/health", jar.get(null, "/actuator/health"), 200);
        ledger.assertTestClean();
    }

    // ---------------------------------------------------------------------------------------------- item 1

    @Test
    @Order(20)
    void theLiveGuardCannotBeSkipped() {
        List<String> started = new ArrayList<>();
        try {
            Map<String, Object> live = Map.of("estate", ESTATE, "runMode", "live");
            for (User starter : List.of(OLGA, CAROL)) {
                Map<String, Object> skipping = liveStartAt(true);
                Reply reply = jar.post(starter, "/engine-rest/process-definition/key/SystemChecks/start", skipping);
                keep(reply, started);
                ledger.bypass(starter + " starts SystemChecks live at the start event, skipping listeners and io mappings",
                        reply, 403);

                reply = jar.post(starter, "/engine-rest/process-definition/key/SystemChecks/start", liveStartAt(false));
                keep(reply, started);
                ledger.bypass(starter + " starts SystemChecks live at a chosen activity (no skip flags)", reply, 403);

                reply = startRun(starter, "SystemChecks", live);
                keep(reply, started);
                // Change managers may not start install sections at all (item 4), so 403 refuses them as well.
                boolean namesLive = reply.status() == 400 && reply.body().toLowerCase(Locale.ROOT).contains("live");
                ledger.bypass(starter + " starts SystemChecks live on an estate that is not live", reply,
                        namesLive || (starter == CAROL && reply.status() == 403),
                        starter == CAROL ? "403, or 400 naming live" : "400 naming live");
            }
            Reply anonymous = jar.post(null, "/engine-rest/process-definition/key/SystemChecks/start", liveStartAt(true));
            keep(anonymous, started);
            ledger.bypass("anonymous starts SystemChecks live at the start event, skipping listeners", anonymous, 401);
            Map<String, Object> adminSkip = liveStartAt(false);
            adminSkip.put("skipCustomListeners", true);
            Reply reply = jar.post(ADMIN, "/engine-rest/process-definition/key/SystemChecks/start", adminSkip);
            keep(reply, started);
            ledger.bypass("admin starts SystemChecks live at the start event, skipping custom listeners", reply, 400);

            Reply kept = jar.get(ADMIN, "/engine-rest/history/process-instance?processInstanceBusinessKeyLike=%25live%25");
            ledger.check("nothing of a live run is kept (history by business key like %live%)",
                    kept.status() == 200 && kept.json().isArray() && kept.json().isEmpty(), kept.toString());
        } finally {
            Reply leftovers = jar.get(ADMIN, "/engine-rest/process-instance?businessKeyLike=%25live%25");
            leftovers.json().forEach(instance -> started.add(instance.path("id").asText()));
            started.stream().distinct().forEach(TrustBoundaryIT::deleteQuietly);
        }
        ledger.assertTestClean();
    }

    // ---------------------------------------------------------------------------------------------- item 4

    @Test
    @Order(30)
    void changeManagersCannotStartInstallations() {
        List<String> started = new ArrayList<>();
        try {
            for (String process : List.of("InstallEceHa", "Preinstallation")) {
                Reply reply = startRun(CHRIS, process, rehearsal());
                keep(reply, started);
                ledger.bypass(CHRIS + " starts " + process + " (rehearsal)", reply, 403);
                reply = startRun(null, process, rehearsal());
                keep(reply, started);
                ledger.bypass("anonymous starts " + process + " (rehearsal)", reply, 401);
            }
        } finally {
            started.forEach(TrustBoundaryIT::deleteQuietly);
        }
        ledger.assertTestClean();
    }

    // ---------------------------------------------------------------------------------------------- positive: operators

    @Test
    @Order(40)
    void operatorsRunRehearsalsWorkTheirTasksAndRetryFailedSteps() throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>(rehearsal());
        variables.put("labScenario", FAULTY_SCENARIO);
        Reply started = startRun(OLGA, "SystemChecks", variables);
        if (!ledger.positive(OLGA + " starts a SystemChecks rehearsal", started, 200)) {
            ledger.assertTestClean();
            return;
        }
        operatorsRun = started.json().path("id").asText();
        JsonNode task = awaitTask(operatorsRun, CONFIRM_VMS);
        if (ledger.check("the rehearsal waits at " + CONFIRM_VMS, task != null, "no such task of " + operatorsRun)) {
            Reply completed = jar.post(OLGA, "/engine-rest/task/" + task.path("id").asText() + "/complete",
                    Map.of("variables", values(CHECKBOX, true, "deploymentNotes", "Four VMs from the OVA (trust test)")));
            ledger.positive(OLGA + " completes " + CONFIRM_VMS + " with valid values", completed, 204);

            JsonNode failed = awaitJob(operatorsRun, job -> !job.path("exceptionMessage").isNull()
                    && !job.path("exceptionMessage").asText("").isEmpty(), Duration.ofSeconds(30));
            if (ledger.check("a step of the rehearsal failed once (scenario " + FAULTY_SCENARIO + ")", failed != null,
                    "no job with an exception in " + operatorsRun)) {
                Reply retried = jar.put(OLGA, "/engine-rest/job/" + failed.path("id").asText() + "/retries",
                        Map.of("retries", 3));
                ledger.positive(OLGA + " sets the retries of the run's failed job", retried, 204);
            }
        }
        ledger.assertTestClean();
    }

    // ---------------------------------------------------------------------------------------------- item 2

    @Test
    @Order(50)
    void fourEyesCannotBeBypassedByAVariable() {
        Reply registered = registerPatch(CAROL);
        if (!ledger.positive(CAROL + " registers a patch", registered, 200)) {
            ledger.assertTestClean();
            return;
        }
        String patch = registered.json().path("id").asText();
        try {
            JsonNode task = awaitTask(patch, approvalTask);
            if (!ledger.check("the patch waits for approval at " + approvalTask, task != null, "no approval task")) {
                ledger.assertTestClean();
                return;
            }
            String taskId = task.path("id").asText();
            ledger.bypass("anonymous approves carol's patch", jar.post(null, "/engine-rest/task/" + taskId + "/complete",
                    Map.of("variables", values("decision", "approve", "requester", "chris"))), 401);
            Reply reply = jar.post(CAROL, "/engine-rest/task/" + taskId + "/complete",
                    Map.of("variables", values("decision", "approve", "requester", "chris")));
            ledger.bypass(CAROL + " approves her own patch, naming chris as requester", reply, 400);
            reply = jar.post(CAROL, "/engine-rest/task/" + taskId + "/complete",
                    Map.of("variables", values("decision", "approve")));
            ledger.bypass(CAROL + " approves her own patch", reply, 400);
            ledger.check("the approval task stays open", taskOpen(taskId), "task " + taskId + " is gone");
            String requester = historicVariable(patch, "requester");
            ledger.check("the historic requester is still carol", "carol".equals(requester), "requester = " + requester);

            Reply approved = jar.post(CHRIS, "/engine-rest/task/" + taskId + "/complete",
                    Map.of("variables", values("decision", "approve")));
            ledger.positive(CHRIS + " approves carol's patch", approved, 204);
            String approver = historicVariable(patch, "approver");
            ledger.check("history records approver chris", "chris".equals(approver), "approver = " + approver);
            Reply historicTask = jar.get(ADMIN, "/engine-rest/history/task?taskId=" + taskId);
            String assignee = historicTask.json().path(0).path("assignee").asText(null);
            ledger.check("the historic approval task's assignee is chris", "chris".equals(assignee),
                    "assignee = " + assignee + " (" + historicTask + ")");
        } finally {
            // Staging needs the patch file in the lab, which no HTTP call can put there: end the run here.
            deleteQuietly(patch);
        }
        ledger.assertTestClean();
    }

    // ---------------------------------------------------------------------------------------------- item 3

    @Test
    @Order(60)
    void operatorsCannotRewriteRuns() {
        List<String> runs = new ArrayList<>();
        try {
            Reply patch = registerPatch(CAROL);
            Reply rehearsal = startRun(OLGA, "SystemChecks", rehearsal());
            if (ledger.positive(CAROL + " registers a patch (to be attacked)", patch, 200)) {
                runs.add(patch.json().path("id").asText());
                attackRun(OLGA, patch.json().path("id").asText(), approvalTask, "carol's patch");
            }
            if (ledger.positive(OLGA + " starts a SystemChecks rehearsal (to be attacked)", rehearsal, 200)) {
                String run = rehearsal.json().path("id").asText();
                runs.add(run);
                // Something the administrator did, which operators and managers must not read in the operation log.
                Reply adminWrite = jar.put(ADMIN, "/engine-rest/process-instance/" + run + "/variables/trustAdminNote",
                        Map.of("value", "written by the administrator", "type", "String"));
                ledger.positive("admin writes a variable on the operator's rehearsal", adminWrite, 204);
                attackRun(OLGA, run, CONFIRM_VMS, "her own rehearsal");
            }
            for (String internal : List.of("PatchEce", "CheckPatchWindow", "StopEce", "StartEce", "ValidateEce",
                    "DecidePatchWindow")) {
                Reply reply = startRun(OLGA, internal, rehearsal());
                keep(reply, runs);
                ledger.bypass(OLGA + " starts the internal section " + internal + " directly", reply, 403);
            }
        } finally {
            runs.forEach(TrustBoundaryIT::deleteQuietly);
        }
        ledger.assertTestClean();
    }

    /**
     * Every way of rewriting a run the operators had, by {@code operator}; the variable write also by the run's
     * change manager and a manager (403), and the writes anonymously (401).
     */
    private static void attackRun(User operator, String run, String taskKey, String label) {
        JsonNode task = awaitTask(run, taskKey);
        if (!ledger.check(label + " waits at " + taskKey, task != null, "no task " + taskKey + " in " + run)) {
            return;
        }
        String taskId = task.path("id").asText();
        String executionId = task.path("executionId").asText();
        String on = " on " + label;
        Map<String, Object> evil = Map.of("value", EVIL_COMMAND, "type", "String");
        Map<String, Object> evilModifications = Map.of("modifications", Map.of("patchInstallCommand", evil));
        String variable = "/engine-rest/process-instance/" + run + "/variables/patchInstallCommand";

        ledger.bypass(operator + " PUTs patchInstallCommand" + on, jar.put(operator, variable, evil), 403);
        for (User other : List.of(CAROL, MIA)) {
            ledger.bypass(other + " PUTs patchInstallCommand" + on, jar.put(other, variable, evil), 403);
        }
        ledger.bypass("anonymous PUTs patchInstallCommand" + on, jar.put(null, variable, evil), 401);
        ledger.bypass(operator + " POSTs variable modifications" + on,
                jar.post(operator, "/engine-rest/process-instance/" + run + "/variables", evilModifications), 403);
        ledger.bypass("anonymous POSTs variable modifications" + on,
                jar.post(null, "/engine-rest/process-instance/" + run + "/variables", evilModifications), 401);
        ledger.bypass(operator + " PUTs the task variable decision" + on,
                jar.put(operator, "/engine-rest/task/" + taskId + "/variables/decision",
                        Map.of("value", "approve", "type", "String")), 403);
        ledger.bypass(operator + " POSTs execution local variables" + on,
                jar.post(operator, "/engine-rest/execution/" + executionId + "/localVariables", evilModifications), 403);

        Map<String, Object> modification = new LinkedHashMap<>();
        modification.put("skipCustomListeners", true);
        modification.put("instructions", List.of(Map.of("type", "cancel", "activityId", taskKey),
                Map.of("type", "startAfterActivity", "activityId", taskKey)));
        String modify = "/engine-rest/process-instance/" + run + "/modification";
        ledger.bypass("anonymous moves the token past " + taskKey + on, jar.post(null, modify, modification), 401);
        ledger.bypass(operator + " moves the token past " + taskKey + on, jar.post(operator, modify, modification), 403);

        String suspend = "/engine-rest/process-instance/" + run + "/suspended";
        ledger.bypass("anonymous suspends " + label, jar.put(null, suspend, Map.of("suspended", true)), 401);
        ledger.bypass(operator + " suspends " + label, jar.put(operator, suspend, Map.of("suspended", true)), 403);
        ledger.bypass("anonymous deletes " + label, jar.delete(null, "/engine-rest/process-instance/" + run), 401);
        ledger.bypass(operator + " deletes " + label, jar.delete(operator, "/engine-rest/process-instance/" + run), 403);
    }

    // ---------------------------------------------------------------------------------------------- item 8

    @Test
    @Order(70)
    void formsAreCheckedOnTheServer() throws IOException {
        // A required field: the approval's decision (the operators' quick tasks have none; see requiredFields).
        Reply patch = registerPatch(CAROL);
        if (ledger.positive(CAROL + " registers a patch (for the form probes)", patch, 200)) {
            String patchId = patch.json().path("id").asText();
            try {
                JsonNode approval = awaitTask(patchId, approvalTask);
                if (ledger.check("the patch waits for approval", approval != null, "no approval task in " + patchId)) {
                    String approvalId = approval.path("id").asText();
                    String complete = "/engine-rest/task/" + approvalId + "/complete";
                    Reply empty = jar.post(CHRIS, complete, Map.of());
                    ledger.bypass(CHRIS + " completes the approval with {}", empty,
                            empty.status() == 400 && empty.body().contains("decision"), "400 naming decision");
                    Reply other = jar.post(CHRIS, complete, Map.of("variables", values("decision", "maybe")));
                    ledger.bypass(CHRIS + " completes the approval with decision 'maybe' (not an option)", other,
                            other.status() == 400 && other.body().contains("decision"), "400 naming decision");
                    ledger.check("the approval stays open", taskOpen(approvalId), "task " + approvalId + " is gone");
                }
            } finally {
                deleteQuietly(patchId);
            }
        }

        Reply started = startRun(OSCAR, "SystemChecks", rehearsal());
        if (!ledger.positive(OSCAR + " starts a SystemChecks rehearsal", started, 200)) {
            ledger.assertTestClean();
            return;
        }
        String run = started.json().path("id").asText();
        JsonNode task = awaitTask(run, CONFIRM_VMS);
        if (!ledger.check("the rehearsal waits at " + CONFIRM_VMS, task != null, "no task in " + run)) {
            ledger.assertTestClean();
            return;
        }
        String taskId = task.path("id").asText();
        String complete = "/engine-rest/task/" + taskId + "/complete";

        // {} is refused only where the form requires something: an unticked checkbox is itself an answer.
        List<String> required = requiredFields(task.path("formKey").asText(""), "ConfirmVirtualMachinesDeployed");
        if (!required.isEmpty()) {
            Reply empty = jar.post(OSCAR, complete, Map.of());
            ledger.bypass(OSCAR + " completes " + CONFIRM_VMS + " with {}", empty,
                    empty.status() == 400 && required.stream().anyMatch(empty.body()::contains),
                    "400 naming one of " + required);
            ledger.check("the task stays open after {}", taskOpen(taskId), "task " + taskId + " is gone");
        }

        Reply text = jar.post(OSCAR, complete, Map.of("variables", values(CHECKBOX, "true")));
        ledger.bypass(OSCAR + " completes " + CONFIRM_VMS + " with the checkbox as the string \"true\"", text,
                text.status() == 400 && text.body().contains(CHECKBOX)
                        && Pattern.compile("(?i)boolean|checkbox").matcher(text.body()).find(),
                "400 naming " + CHECKBOX + " and its type (boolean)");
        ledger.check("the task stays open after the string \"true\"", taskOpen(taskId), "task " + taskId + " is gone");

        Reply right = jar.post(OSCAR, complete,
                Map.of("variables", values(CHECKBOX, true, "deploymentNotes", "Deployed (trust test)")));
        ledger.positive(OSCAR + " completes " + CONFIRM_VMS + " with the right answer", right, 204);
        ledger.assertTestClean();
    }

    /** The keys a form file of the project marks required and shows unconditionally. */
    private static List<String> requiredFields(String formKey, String fallback) throws IOException {
        String name = formKey.isBlank() ? fallback : formKey.replaceFirst("^camunda-forms:deployment:", "")
                .replaceFirst("\\.form$", "").replaceFirst("^.*/", "");
        Path file = Path.of("forms", name + ".form");
        if (!Files.isRegularFile(file)) {
            file = Path.of("forms", fallback + ".form");
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode component : TrustJar.JSON.readTree(file.toFile()).path("components")) {
            if (component.path("validate").path("required").asBoolean(false) && component.path("conditional").isMissingNode()) {
                keys.add(component.path("key").asText());
            }
        }
        return keys;
    }

    // ---------------------------------------------------------------------------------------------- item 9

    @Test
    @Order(80)
    void inventoryValuesThatCarryTsqlAreRefusedWithTheirLine() {
        List<String> started = new ArrayList<>();
        try {
            Reply reply = startRun(OLGA, "SystemChecks", Map.of("estate", BAD_ESTATE, "runMode", "rehearsal"));
            keep(reply, started);
            ledger.bypass(OLGA + " starts a rehearsal of estate " + BAD_ESTATE + " (newline escapes in a database name)",
                    reply, reply.status() == 400 && reply.body().contains("sqlServer.databases.active")
                            && reply.body().contains("line " + badValueLine),
                    "400 naming sqlServer.databases.active and line " + badValueLine);
        } finally {
            started.forEach(TrustBoundaryIT::deleteQuietly);
        }
        ledger.assertTestClean();
    }

    // ---------------------------------------------------------------------------------------------- positive: others, item 6 (log)

    @Test
    @Order(90)
    void managersReadEverythingAndChangeNothingOthersListTheirTasks() {
        Reply started = startRun(OLGA, "SystemChecks", rehearsal());
        String run = ledger.positive(OLGA + " starts a SystemChecks rehearsal for the managers to see", started, 200)
                ? started.json().path("id").asText() : null;
        JsonNode task = run == null ? null : awaitTask(run, CONFIRM_VMS);
        String taskId = task == null ? null : task.path("id").asText();

        Reply instances = jar.get(MIA, "/engine-rest/process-instance");
        ledger.positive(MIA + " lists process instances", instances, 200);
        ledger.check("the managers see the running rehearsal", run != null && ids(instances).contains(run),
                "running " + run + " not in " + instances);
        Reply history = jar.get(MIA, "/engine-rest/history/process-instance");
        ledger.positive(MIA + " lists historic process instances", history, 200);
        ledger.check("the managers see the runs in history", run != null && ids(history).contains(run)
                && (operatorsRun == null || ids(history).contains(operatorsRun)), "runs " + run + ", " + operatorsRun
                + " not all in " + history);
        Reply tasks = jar.get(MIA, "/engine-rest/task");
        ledger.positive(MIA + " lists tasks", tasks, 200);
        ledger.check("the managers see the operators' open task", taskId != null && ids(tasks).contains(taskId),
                "task " + taskId + " not in " + tasks);
        Reply variables = jar.get(MIA, "/engine-rest/history/variable-instance" + (run == null ? "" : "?processInstanceId=" + run));
        ledger.positive(MIA + " lists historic variables", variables, 200);
        ledger.check("the managers see the run's variables", run != null && variables.json().isArray()
                && !variables.json().isEmpty(), variables.toString());
        if (taskId != null) {
            ledger.bypass(MIA + " completes the operators' task", jar.post(MIA, "/engine-rest/task/" + taskId + "/complete",
                    Map.of("variables", values(CHECKBOX, true))), 403);
        }
        List<String> strays = new ArrayList<>();
        for (User starter : List.of(MIA, DANA, DOMINIC)) {
            Reply reply = startRun(starter, "SystemChecks", rehearsal());
            keep(reply, strays);
            ledger.bypass(starter + " starts a SystemChecks rehearsal", reply, 403);
        }
        strays.forEach(TrustBoundaryIT::deleteQuietly);
        for (User worker : List.of(DANA, DOMINIC)) {
            ledger.positive(worker + " lists their tasks", jar.get(worker, "/engine-rest/task"), 200);
        }

        // The operation log: the administrator's entries (users created, a variable written, runs deleted).
        Reply all = jar.get(ADMIN, "/engine-rest/history/user-operation?maxResults=2000");
        ledger.positive("admin reads the operation log", all, 200);
        ledger.check("the administrator's operations are in the log", byUser(all, "admin") > 0, all.toString());
        for (User reader : List.of(OLGA, MIA)) {
            Reply log = jar.get(reader, "/engine-rest/history/user-operation?maxResults=2000");
            ledger.positive(reader + " reads the operation log", log, 200);
            ledger.bypass(reader + " sees no entry of the administrator in the operation log", log.status() == 200
                    && byUser(log, "admin") == 0, byUser(log, "admin") + " entries of admin visible: " + log);
        }
        ledger.assertTestClean();
    }

    // ---------------------------------------------------------------------------------------------- item 7

    @Test
    @Order(100)
    void refusalsAreClearAndLeaveNoStackTraces() throws Exception {
        Reply patch = registerPatch(CAROL);
        String patchId = ledger.positive(CAROL + " registers a patch (for the four-eyes probe)", patch, 200)
                ? patch.json().path("id").asText() : null;
        JsonNode task = patchId == null ? null : awaitTask(patchId, approvalTask);
        awaitQuietJobs(Duration.ofSeconds(45));
        int before = jar.consoleLines();
        try {
            ledger.bypass(OLGA + " completes an unknown task", jar.post(OLGA, "/engine-rest/task/"
                    + UUID.randomUUID() + "/complete", Map.of("variables", Map.of())), 404);
            ledger.bypass(OLGA + " sets the retries of an unknown job", jar.put(OLGA, "/engine-rest/job/"
                    + UUID.randomUUID() + "/retries", Map.of("retries", 1)), 404);
            String padding = "x".repeat(2 * 1024 * 1024);
            String huge = "{\"variables\":{\"estate\":{\"value\":\"" + ESTATE + "\"},\"runMode\":{\"value\":\"live\"},"
                    + "\"padding\":{\"value\":\"" + padding + "\"}}}";
            Reply tooLarge = jar.post(OLGA, "/engine-rest/process-definition/key/SystemChecks/start", huge);
            ledger.bypass(OLGA + " sends a 2 MiB JSON body to a start", tooLarge, 413);
            if (task != null) {
                Reply own = jar.post(CAROL, "/engine-rest/task/" + task.path("id").asText() + "/complete",
                        Map.of("variables", values("decision", "approve")));
                ledger.bypass(CAROL + " approves her own patch (four eyes, must be 400 not 500)", own, 400);
            } else {
                ledger.check("a patch waits for approval for the four-eyes probe", false, "no approval task");
            }
            Thread.sleep(1500);
            List<String> frames = jar.consoleSince(before).stream().filter(line -> STACK_FRAME.matcher(line).find()).toList();
            ledger.check("the refusals put no stack frames on the console", frames.isEmpty(), frames.size()
                    + " stack-frame lines, first: " + frames.stream().limit(3).toList());
        } finally {
            if (patchId != null) {
                deleteQuietly(patchId);
            }
        }
        ledger.assertTestClean();
    }

    // ---------------------------------------------------------------------------------------------- item 5 (last)

    @Test
    @Order(110)
    void passwordGuessingIsSlowedNotLockingAndNeverLogged() throws Exception {
        String marker = "trust-wrong-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> wrong = new ArrayList<>();
        Reply last = null;
        for (int i = 1; i <= 12; i++) {
            wrong.add(marker + "basic-" + i);
            last = jar.callWithPassword("admin", marker + "basic-" + i, "GET", "/engine-rest/process-definition");
            ledger.bypass("wrong Basic password " + i + " for admin", last, 401, 429);
        }
        waitRetryAfter(last);
        ledger.positive("admin with the right Basic password after the delay",
                jar.get(ADMIN, "/engine-rest/process-definition"), 200);

        for (int i = 1; i <= 12; i++) {
            wrong.add(marker + "form-" + i);
            last = jar.webappLogin("admin", marker + "form-" + i);
            ledger.bypass("wrong login-form password " + i + " for admin", last, 401, 429);
        }
        waitRetryAfter(last);
        ledger.positive("admin logs in through the form with the right password after the delay",
                jar.webappLogin("admin", TrustJar.ADMIN_PASSWORD), 200);

        Thread.sleep(500);
        String console = jar.consoleText();
        List<String> leaked = wrong.stream().filter(console::contains).toList();
        ledger.check("the console never shows a wrong password", leaked.isEmpty() && !console.contains(marker),
                leaked.size() + " wrong passwords on the console, e.g. " + leaked.stream().limit(2).toList());
        ledger.check("the console never shows the administrator's password", !console.contains(TrustJar.ADMIN_PASSWORD),
                "the password is on the console");
        Pattern failedLogin = Pattern.compile("(?i)((log ?-?in|sign-?in|authenticat|password|credential).*"
                + "(fail|wrong|invalid|denied|refus|reject|unsuccessful|bad))|((fail|wrong|invalid|denied|refus|reject"
                + "|unsuccessful|bad).*(log ?-?in|sign-?in|authenticat|password|credential))");
        List<String> lines = jar.consoleSince(0).stream()
                .filter(line -> failedLogin.matcher(line).find() && Pattern.compile("\\badmin\\b").matcher(line).find())
                .toList();
        ledger.check("the console has a failed-login line naming admin", !lines.isEmpty(),
                "no line names admin with a failed login");
        ledger.assertTestClean();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static Map<String, Object> rehearsal() {
        return Map.of("estate", ESTATE, "runMode", "rehearsal");
    }

    /** The live start of item 1: at the start event of SystemChecks, with or without the skip flags. */
    private static Map<String, Object> liveStartAt(boolean skip) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", systemChecksStartEvent)));
        if (skip) {
            body.put("skipCustomListeners", true);
            body.put("skipIoMappings", true);
        }
        body.put("businessKey", ESTATE + ".live.20261207-101010");
        body.put("variables", values("estate", ESTATE, "runMode", "live"));
        return body;
    }

    private static Reply startRun(User who, String process, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return jar.post(who, "/engine-rest/process-definition/key/" + process + "/start", Map.of("variables", typed));
    }

    /** A patch registration as the SchedulePatch start form asks for it, with an explicit window days ahead. */
    private static Reply registerPatch(User who) {
        return jar.post(who, "/engine-rest/process-definition/key/SchedulePatch/start",
                TrustJar.patchRegistration(ESTATE, PATCH_FILE, CHECKSUM));
    }

    /** {@code name, value, name, value...} as REST variables: {"name": {"value": value}}. */
    private static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put(namesAndValues[i].toString(), Map.of("value", namesAndValues[i + 1]));
        }
        return variables;
    }

    private static void keep(Reply reply, List<String> started) {
        if (reply.is2xx() && reply.json().hasNonNull("id")) {
            started.add(reply.json().path("id").asText());
        }
    }

    private static Set<String> ids(Reply reply) {
        Set<String> ids = new LinkedHashSet<>();
        reply.json().forEach(node -> ids.add(node.path("id").asText()));
        return ids;
    }

    private static long byUser(Reply log, String user) {
        long count = 0;
        for (JsonNode entry : log.json()) {
            if (user.equals(entry.path("userId").asText(null))) {
                count++;
            }
        }
        return count;
    }

    /** The open task of the run at {@code taskKey}, looked up by the administrator; null after 30 seconds. */
    private static JsonNode awaitTask(String run, String taskKey) {
        Instant deadline = Instant.now().plusSeconds(30);
        do {
            Reply tasks = jar.get(ADMIN, "/engine-rest/task?processInstanceId=" + run + "&taskDefinitionKey=" + taskKey);
            if (tasks.status() == 200 && tasks.json().size() > 0) {
                return tasks.json().get(0);
            }
            pause(200);
        } while (Instant.now().isBefore(deadline));
        return null;
    }

    private static JsonNode awaitJob(String run, Predicate<JsonNode> wanted, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        do {
            for (JsonNode job : jar.get(ADMIN, "/engine-rest/job?processInstanceId=" + run).json()) {
                if (wanted.test(job)) {
                    return job;
                }
            }
            pause(200);
        } while (Instant.now().isBefore(deadline));
        return null;
    }

    /** Waits until no job is due or waiting for a retry, so that nothing running in the background logs meanwhile. */
    private static void awaitQuietJobs(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        do {
            long due = jar.get(ADMIN, "/engine-rest/job/count?executable=true").json().path("count").asLong(-1);
            long retrying = jar.get(ADMIN, "/engine-rest/job/count?withException=true&withRetriesLeft=true").json()
                    .path("count").asLong(-1);
            if (due == 0 && retrying == 0) {
                return;
            }
            pause(500);
        } while (Instant.now().isBefore(deadline));
    }

    private static boolean taskOpen(String taskId) {
        return jar.get(ADMIN, "/engine-rest/task/" + taskId).status() == 200;
    }

    private static String historicVariable(String run, String name) {
        Reply reply = jar.get(ADMIN, "/engine-rest/history/variable-instance?processInstanceId=" + run
                + "&variableName=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        JsonNode first = reply.json().path(0);
        return first.isMissingNode() ? null : first.path("value").asText(null);
    }

    private static void deleteQuietly(String run) {
        if (run != null && !run.isBlank()) {
            jar.delete(ADMIN, "/engine-rest/process-instance/" + run + "?skipCustomListeners=true&skipIoMappings=true");
        }
    }

    /** Waits for the Retry-After of {@code reply} (seconds or a date), at most five seconds; 2.5 s without one. */
    private static void waitRetryAfter(Reply reply) throws InterruptedException {
        long millis = 2500;
        String retryAfter = reply == null ? null : reply.header("Retry-After");
        if (retryAfter != null) {
            try {
                millis = Long.parseLong(retryAfter.trim()) * 1000 + 200;
            } catch (NumberFormatException notSeconds) {
                try {
                    millis = Duration.between(Instant.now(), ZonedDateTime.parse(retryAfter.trim(),
                            DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).toMillis() + 200;
                } catch (RuntimeException notADate) {
                    millis = 2500;
                }
            }
        }
        Thread.sleep(Math.max(0, Math.min(millis, 5000)));
    }

    /**
     * estates/massivedynamic.yaml as estate badnames, with T-SQL smuggled into the active database's name through
     * newline escapes of a YAML double-quoted string. Remembers the line of that value.
     */
    private static void writeBadNamesEstate(Path target) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("estates/" + ESTATE + ".yaml")));
        boolean renamed = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("estate: " + ESTATE)) {
                lines.set(i, "estate: " + BAD_ESTATE);
                renamed = true;
            } else if (line.matches("\\s+active: eGActiveDB\\s*")) {
                lines.set(i, line.substring(0, line.indexOf("active:")) + "active: \"ece\\nGO\\nDROP DATABASE x\"");
                badValueLine = i + 1;
            }
        }
        require(renamed && badValueLine > 0, "estates/" + ESTATE + ".yaml no longer has 'estate: " + ESTATE
                + "' and 'active: eGActiveDB' lines to derive " + BAD_ESTATE + " from");
        Files.write(target, lines);
    }

    /** The environment variables application.yaml reads for the login throttle's maximum delay, if it has any. */
    private static List<String> loginDelayCapVariables() throws IOException {
        Path yaml = Path.of("src/main/resources/application.yaml");
        List<String> names = new ArrayList<>();
        if (Files.isRegularFile(yaml)) {
            Matcher m = Pattern.compile("\\$\\{(RUNBOOK_LOGIN[A-Z_]*MAX[A-Z_]*)").matcher(Files.readString(yaml));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static String firstMatch(Path file, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(file));
        require(m.find(), file + " has nothing matching " + regex);
        return m.group(1);
    }

    private static String capitalized(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
