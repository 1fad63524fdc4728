package com.eceops.runbook.procedure.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunbookApplicationTest;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.LabProcedure;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;

/** SchedulePatch on Camunda's clock: approval with four eyes, reminder, escalation, skip, staging, preflight, wait. */
class SchedulePatchProcessTest extends RunbookApplicationTest {

    private static final String ARCHIVE = "ES5\\readme.txt\nES5\\setup.bat\n";
    private static final String CHECKSUM = sha256(ARCHIVE);
    private static final Date NOW = Date.from(java.time.Instant.parse("2026-11-25T12:00:00Z"));

    @Autowired
    ProcessEngine engine;
    @Autowired
    RehearsalLabs labs;
    @Autowired
    EstateRepository estates;

    private IdentityService identity;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        identity = engine.getIdentityService();
        for (String id : List.of("patchalice", "patchbob")) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                identity.saveUser(identity.newUser(id));
                identity.createMembership(id, "change-managers");
            }
        }
        if (identity.createUserQuery().userId("patcholga").count() == 0) {
            identity.saveUser(identity.newUser("patcholga"));
            identity.createMembership("patcholga", "operators");
        }
        ClockUtil.setCurrentTime(NOW);
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void anApprovedPatchIsStagedPreflightedAndWaitsForItsWindowAfterReminderAndEscalation() {
        ProcessInstance run = register(explicitWindow());
        RehearsalLab lab = labs.find(run.getBusinessKey()).orElseThrow();
        assertThat(run).isWaitingAt("Task_ApprovePatchWindow");
        assertThat(engine.getRuntimeService().getVariable(run.getId(), "requester")).isEqualTo("patchalice");

        at("2026-11-27T21:00:01Z", run);
        Task approval = task(run, "Task_ApprovePatchWindow");
        assertThat(approval.getPriority()).isEqualTo(90);
        assertThat(engine.getTaskService().getTaskComments(approval.getId())).singleElement()
                .satisfies(c -> assertThat(c.getFullMessage()).contains("Reminder").contains("patchalice"));
        assertThat(engine.getRuntimeService().getVariable(run.getId(), "remindersSent")).isEqualTo(1);

        at("2026-11-28T17:00:01Z", run);
        Task chase = task(run, "Task_ChaseApproval");
        assertThat(chase).hasCandidateGroup("operators");
        // The operator chases the approver by phone; the approval itself stays open until a change manager decides.
        engine.getTaskService().complete(chase.getId(), Map.of("chaseNotes", "called patchbob"));
        assertThat(run).isWaitingAt("Task_ApprovePatchWindow");

        identity.setAuthentication("patchbob", List.of("change-managers"));
        engine.getTaskService().complete(approval.getId(), Map.of("decision", "approve"));
        identity.clearAuthentication();
        assertThat(engine.getTaskService().createTaskQuery().taskId(chase.getId()).count()).isZero();
        runDue(run);

        Task readme = task(run, "Task_AcknowledgeReadme");
        identity.setAuthentication("patcholga", List.of("operators"));
        assertThatThrownBy(() -> engine.getTaskService().complete(readme.getId(), Map.of("readmeAcknowledged", false)))
                .hasMessageContaining("readmeAcknowledged");
        engine.getTaskService().complete(readme.getId(), Map.of("readmeAcknowledged", true));
        identity.clearAuthentication();
        runDue(run);

        // The bare lab has no availability group yet: the preflight says so and the operators put it right.
        Task resolve = task(run, "Task_ResolvePreflightProblems");
        assertThat(engine.getRuntimeService().getVariable(run.getId(), "preflightProblems").toString())
                .contains("is not healthy");
        LabProcedure procedure = new LabProcedure(lab);
        procedure.upToCluster();
        procedure.alwaysOn();
        procedure.availabilityGroup();
        for (var web : lab.estate().webServers()) {
            lab.ece().recordSetupRun(web.name(), new com.eceops.runbook.technology.ece.SetupRun(
                    java.util.Set.of(com.eceops.runbook.technology.ece.EceComponent.WEB_SERVER),
                    Map.of(com.eceops.runbook.technology.ece.SetupRun.ECE_HOME, web.eceHome())));
        }
        engine.getTaskService().complete(resolve.getId());
        runDue(run);

        assertThat(run).isWaitingAt("Timer_WaitForWindow");
        for (String host : List.of("CC2K125ECEAA", "CC2K125ECEAB", "CC2K125ECEWA", "CC2K125ECEWB")) {
            if (lab.estate().server(host).isEmpty()) {
                continue;
            }
            PatchStaging staging = PatchStaging.on(lab.estate().server(host).get(), "\\\\x\\y\\ES5.zip");
            assertThat(lab.windows().sha256(host, staging.archive())).isEqualTo(CHECKSUM);
            assertThat(lab.windows().fileExists(host, staging.folder() + "\\ES5\\setup.bat")).isTrue();
        }
        for (var server : lab.estate().allServers()) {
            PatchStaging staging = PatchStaging.on(server, "\\\\x\\y\\ES5.zip");
            assertThat(lab.windows().fileExists(server.name(), staging.folder() + "\\ES5\\readme.txt")).isTrue();
        }

        // patch-2.2 before the window: each web server's key files copied below PatchBackups\ES5.
        for (var web : lab.estate().webServers()) {
            String copy = web.eceHome() + "\\PatchBackups\\ES5\\" + com.eceops.runbook.technology.ece.EceConfigFile.AGENT_XML.relativePath();
            assertThat(lab.windows().readFile(web.name(), copy)).hasValueSatisfying(c -> assertThat(c).contains("<gadget>"));
        }
        assertThat(run).hasPassed("Task_BackUpWebServerKeyFiles").hasNotPassed("CallActivity_PatchEce");

        at("2026-11-28T21:00:00Z", run);
        assertThat(run).isWaitingAt("CallActivity_PatchEce");
        var called = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(run.getId()).singleResult();
        assertThat(called.getProcessDefinitionId()).startsWith("PatchEce:");
        assertThat(engine.getRuntimeService().getVariable(called.getId(), "patchLevel")).isEqualTo("ES5");
        assertThat(engine.getRuntimeService().getVariable(run.getId(), "approver")).isEqualTo("patchbob");
        engine.getRuntimeService().deleteProcessInstance(run.getId(), "the in-window part is PatchEceProcessTest's");
    }

    @Test
    void aScheduledPatchWaitsForItsWindowAndIsAppliedInItWithTheReadmesCommand() {
        Map<String, Object> request = explicitWindow();
        request.put("patchInstallCommand", "setup.bat -silent");
        ProcessInstance run = register(request);
        RehearsalLab lab = labs.find(run.getBusinessKey()).orElseThrow();
        PatchFixture.installed(new com.eceops.runbook.EarlierSteps(run.getBusinessKey(), null, lab));
        identity.setAuthentication("patchbob", List.of("change-managers"));
        engine.getTaskService().complete(task(run, "Task_ApprovePatchWindow").getId(), Map.of("decision", "approve"));
        identity.setAuthentication("patcholga", List.of("operators"));
        runDue(run);
        engine.getTaskService().complete(task(run, "Task_AcknowledgeReadme").getId(), Map.of("readmeAcknowledged", true));
        identity.clearAuthentication();
        runDue(run);
        assertThat(run).isWaitingAt("Timer_WaitForWindow");
        assertThat(lab.windows().readService("CC2K125ECEAA", "Cisco").status().name()).isEqualTo("RUNNING");

        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-11-28T21:00:00Z")));
        PatchFixture.settle(engine, run.getBusinessKey());
        for (String[] answer : new String[][] {{"Task_StopEmailProcesses", "emailProcessesStoppedByOperator"},
                {"Task_MergeKeyFiles", "keyFilesMergedByOperator"}, {"Task_MergeChatTemplates", "chatTemplatesMerged"},
                {"Task_MergeKeyFiles", "keyFilesMergedByOperator"}, {"Task_MergeChatTemplates", "chatTemplatesMerged"},
                {"Task_TestFinesseGadget", "gadgetLoginWorked"}, {"Task_StartEmailProcesses", "emailProcessesStartedByOperator"}}) {
            Task open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(run.getBusinessKey())
                    .taskDefinitionKey(answer[0]).singleResult();
            engine.getTaskService().complete(open.getId(), Map.of(answer[1], true));
            PatchFixture.settle(engine, run.getBusinessKey());
        }

        assertThat(run).isEnded().hasPassed("CallActivity_PatchEce", "EndEvent_PatchRunEnded");
        assertThat((String) historic(run, "patchOutcome")).startsWith("patched: every server at ES5");
        for (var server : lab.estate().allServers()) {
            assertThat(lab.ece().readPatchLevel(server.name())).isEqualTo("ES5");
        }
    }

    /**
     * A rehearsal of a patch kept on a file server outside the estate: by the approval the lab holds the archive where
     * the request says, answering the registered checksum, and staging copies, verifies and unzips it on every server.
     */
    @Test
    void aPatchOnAFileServerOutsideTheEstateIsStagedInARehearsalUnderItsRegisteredChecksum() {
        Map<String, Object> request = explicitWindow();
        request.put("patchFile", "\\\\fileserver\\patches\\ECE_12.5_ES5.zip");
        String registered = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        request.put("patchChecksum", registered.toUpperCase());
        identity.setAuthentication("patchalice", List.of("change-managers"));
        ProcessInstance run = engine.getRuntimeService().startProcessInstanceByKey("SchedulePatch", request);
        identity.clearAuthentication();
        RehearsalLab lab = labs.open(run.getBusinessKey(), estates.load(SAMPLE), LabScenario.defaults().withDurationScale(0));
        assertThatThrownBy(() -> lab.windows().sha256("CC2K125ECEAA", "\\\\fileserver\\patches\\ECE_12.5_ES5.zip"))
                .as("before the approval the lab knows no file server").hasMessageContaining("FILESERVER");

        approveAs("patchbob", run);
        runDue(run);

        assertThat(lab.windows().sha256("CC2K125ECEAA", "\\\\fileserver\\patches\\ECE_12.5_ES5.zip")).isEqualTo(registered);
        assertThat(run).hasPassed("Task_CopyPatch", "Task_VerifyPatchChecksum", "Task_ExpandPatch").isWaitingAt("Task_AcknowledgeReadme");
        for (var server : lab.estate().allServers()) {
            PatchStaging staging = PatchStaging.on(server, "\\\\fileserver\\patches\\ECE_12.5_ES5.zip");
            assertThat(lab.windows().sha256(server.name(), staging.archive())).as(server.name()).isEqualTo(registered);
            assertThat(lab.windows().fileExists(server.name(), staging.folder() + "\\ES5\\setup.bat")).as(server.name()).isTrue();
        }
        engine.getRuntimeService().deleteProcessInstance(run.getId(), "the rest is the other tests'");
    }

    @Test
    void aWindowThatOpensUnapprovedIsSkippedAndTheSkipIsRecorded() {
        ProcessInstance run = register(explicitWindow());

        at("2026-11-28T21:00:00Z", run);

        assertThat(run).isEnded().hasPassed("Task_RecordSkippedWindow", "EndEvent_PatchWindowSkipped")
                .hasNotPassed("Task_CopyPatch");
        assertThat((String) historic(run, "patchOutcome")).startsWith("skipped").contains("patchalice");
    }

    @Test
    void theRequesterCannotApproveTheirOwnPatchNorBeAssignedIt() {
        ProcessInstance run = register(explicitWindow());
        Task approval = task(run, "Task_ApprovePatchWindow");

        identity.setAuthentication("patchalice", List.of("change-managers"));
        assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(), Map.of("decision", "approve")))
                .hasMessageContaining("four eyes: patchalice registered this patch and cannot approve");
        identity.clearAuthentication();
        assertThatThrownBy(() -> engine.getTaskService().setAssignee(approval.getId(), "patchalice"))
                .hasMessageContaining("four eyes");
        identity.setAuthentication("patchalice", List.of("change-managers"));
        identity.setAuthentication("patcholga", List.of("operators"));
        assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(), Map.of("decision", "approve")))
                .hasMessageContaining("patcholga"); // refused by authorization before the listener sees it
        identity.setAuthentication("patchbob", List.of("change-managers"));
        assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(), Map.of()))
                .hasMessageContaining("decision");
        identity.clearAuthentication();
        // Read as the test, not as a change manager: they may work the task but not read the instance.
        assertThat(run).isWaitingAt("Task_ApprovePatchWindow");

        identity.setAuthentication("patchbob", List.of("change-managers"));
        engine.getTaskService().complete(approval.getId(), Map.of("decision", "reject"));
        identity.clearAuthentication();
        assertThat(run).isEnded().hasPassed("EndEvent_PatchRejected");
        assertThat(historic(run, "patchOutcome")).isEqualTo("rejected by patchbob");
    }

    @Test
    void theNextRecurringWindowOfTheInventoryIsTaken() {
        Map<String, Object> vars = request();
        vars.put("windowChoice", "recurring");
        ProcessInstance run = register(vars);
        assertThat(engine.getRuntimeService().getVariable(run.getId(), "window"))
                .isEqualTo("2026-11-28T22:00 to 2026-11-29T02:00 Europe/Berlin");
        assertThat(engine.getRuntimeService().getVariable(run.getId(), "windowOpensAt"))
                .isEqualTo(Date.from(java.time.Instant.parse("2026-11-28T21:00:00Z")));
    }

    @Test
    void invalidRequestsAreRefusedWithAClearMessageAndNothingIsKept() {
        identity.setAuthentication("patchalice", List.of("change-managers"));
        Map<String, Object> backwards = explicitWindow();
        backwards.put("windowEnd", "2026-11-28T20:00");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("SchedulePatch", backwards))
                .hasMessageContaining("the patch was not registered: windowEnd: the window must end after it starts");
        // The start form's own rules answer first, on the server too; then the request's.
        Map<String, Object> notAChecksum = explicitWindow();
        notAChecksum.put("patchChecksum", "abc");
        notAChecksum.put("requester", "patchbob");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("SchedulePatch", notAChecksum))
                .isInstanceOf(com.eceops.runbook.security.InvalidSubmissionException.class)
                .hasMessageContaining("requester: is not a field of this form")
                .hasMessageContaining("patchChecksum (SHA-256 checksum): 'abc' does not have the form");
        Map<String, Object> bad = explicitWindow();
        bad.put("windowZone", "Mars/Olympus");
        bad.put("patchFile", "E:\\ES5.zip");
        bad.put("windowStart", "2026-11-01T22:00");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("SchedulePatch", bad))
                .hasMessageContaining("patchFile:").hasMessageContaining("'Mars/Olympus' is not a time zone");
        Map<String, Object> past = explicitWindow();
        past.put("windowStart", "2026-11-01T22:00");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("SchedulePatch", past))
                .hasMessageContaining("is not in the future");
        Map<String, Object> oddPatch = explicitWindow();
        oddPatch.put("patchLevel", "ES 5!");
        oddPatch.put("patchInstallCommand", "setup.bat\ndel /q *");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("SchedulePatch", oddPatch))
                .hasMessageContaining("patchLevel: 'ES 5!' is not a patch level")
                .hasMessageContaining("patchInstallCommand: one line");
        Map<String, Object> noLevel = explicitWindow();
        noLevel.put("patchFile", "\\\\CC2K125ECEAA\\E$\\Patches\\hotfix.zip");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("SchedulePatch", noLevel))
                .hasMessageContaining("patchLevel: the file name names no ES or ET level");
        Map<String, Object> secretInCommand = explicitWindow();
        secretInCommand.put("patchInstallCommand", "setup.bat -silent -Password Secret1");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("SchedulePatch", secretInCommand))
                .hasMessageContaining("patchInstallCommand: it looks like it carries a credential")
                .hasMessageNotContaining("Secret1");
        identity.clearAuthentication();
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("SchedulePatch", explicitWindow()))
                .hasMessageContaining("signed-in user");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("SchedulePatch")
                .variableValueEquals("windowEnd", "2026-11-28T20:00").count()).isZero();
    }

    @Test
    void theRequesterAndApproverComeFromTheEngineNeverFromVariables() {
        ProcessInstance run = register(explicitWindow());
        Task approval = task(run, "Task_ApprovePatchWindow");

        identity.setAuthentication("patchalice", List.of("change-managers"));
        assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(),
                Map.of("decision", "approve", "requester", "patchbob")))
                .isInstanceOf(com.eceops.runbook.security.InvalidSubmissionException.class)
                .hasMessageContaining("requester: is not a field of this form");
        identity.setAuthentication("patchbob", List.of("change-managers"));
        assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(),
                Map.of("decision", "approve", "approver", "someone-else")))
                .hasMessageContaining("approver: is not a field of this form");
        assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(), Map.of("decision", "maybe")))
                .hasMessageContaining("decision (Decision): must be one of [approve, reject], not 'maybe'");
        engine.getTaskService().complete(approval.getId(), Map.of("decision", "approve", "approvalComment", "fine"));
        identity.clearAuthentication();

        assertThat(historic(run, "requester")).isEqualTo("patchalice");
        assertThat(historic(run, "approver")).isEqualTo("patchbob");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(approval.getId()).singleResult()
                .getAssignee()).isEqualTo("patchbob");
        assertThat((String) historic(run, "approvedRequest")).contains("CC2K125ECEAA")
                .contains("patchChecksum=" + CHECKSUM);
        assertThat((String) historic(run, "approvalSeal")).matches("[0-9a-f]{64}");
    }

    @Test
    void aRequestChangedAfterApprovalGoesBackToTheChangeManagersWithWhatChanged() {
        Map<String, Object> request = explicitWindow();
        request.put("patchInstallCommand", "setup.bat -silent");
        ProcessInstance run = register(request);
        RehearsalLab lab = labs.find(run.getBusinessKey()).orElseThrow();
        PatchFixture.installed(new com.eceops.runbook.EarlierSteps(run.getBusinessKey(), null, lab));
        approveAs("patchbob", run);

        // Changed behind the approval (only an administrator can write variables): staging refuses to go on.
        engine.getRuntimeService().setVariable(run.getId(), "patchInstallCommand", "setup.bat -silent & del /q *");
        runDue(run);
        assertThat(run).hasPassed("Error_StagedRequestChanged", "Task_SendBackToApproval").isWaitingAt("Task_ApprovePatchWindow");
        assertThat(engine.getRuntimeService().getVariable(run.getId(), "approvalReason").toString())
                .startsWith("Approval asked again: the request changed after approval: patchInstallCommand is"
                        + " 'setup.bat -silent & del /q *', approved 'setup.bat -silent'");
        assertThat(engine.getRuntimeService().getVariable(run.getId(), "approvalSeal")).isNull();

        // Approved again as it now stands: staged, acknowledged, and waiting for the window.
        approveAs("patchbob", run);
        runDue(run);
        identity.setAuthentication("patcholga", List.of("operators"));
        Task readme = task(run, "Task_AcknowledgeReadme");
        assertThatThrownBy(() -> engine.getTaskService().complete(readme.getId(), Map.of("readmeAcknowledged", "true")))
                .hasMessageContaining("readmeAcknowledged").hasMessageContaining("must be true or false");
        assertThatThrownBy(() -> engine.getTaskService().complete(readme.getId(), Map.of()))
                .hasMessageContaining("is required; it was not given");
        engine.getTaskService().complete(readme.getId(), Map.of("readmeAcknowledged", true));
        identity.clearAuthentication();
        runDue(run);
        assertThat(run).isWaitingAt("Timer_WaitForWindow");
        assertThat(engine.getRuntimeService().getVariable(run.getId(), "approvalReason")).isNull();

        // Changed again before the window opens: the last look sends it back instead of patching, and as the
        // window is open by then, unapproved, it is skipped and recorded.
        engine.getRuntimeService().setVariable(run.getId(), "patchLevel", "ES6");
        at("2026-11-28T21:00:00Z", run);
        assertThat(run).isEnded().hasPassed("Task_CheckApprovedRequest", "Error_RequestChangedBeforeWindow",
                "Task_SendBackToApproval", "EndEvent_PatchWindowSkipped").hasNotPassed("CallActivity_PatchEce");
        assertThat((String) historic(run, "approvalReason")).contains("patchLevel is 'ES6', approved 'ES5'");
        assertThat((String) historic(run, "patchOutcome")).startsWith("skipped");
        assertThat(lab.ece().readPatchLevel("CC2K125ECEAA")).isNotEqualTo("ES6");
    }

    private void approveAs(String changeManager, ProcessInstance run) {
        identity.setAuthentication(changeManager, List.of("change-managers"));
        engine.getTaskService().complete(task(run, "Task_ApprovePatchWindow").getId(), Map.of("decision", "approve"));
        identity.clearAuthentication();
    }

    private ProcessInstance register(Map<String, Object> variables) {
        identity.setAuthentication("patchalice", List.of("change-managers"));
        ProcessInstance run = engine.getRuntimeService().startProcessInstanceByKey("SchedulePatch", variables);
        identity.clearAuthentication();
        RehearsalLab lab = labs.open(run.getBusinessKey(), estates.load(SAMPLE), LabScenario.defaults().withDurationScale(0));
        lab.windows().ensureDirectory("CC2K125ECEAA", "E:\\Patches");
        lab.windows().writeFile("CC2K125ECEAA", "E:\\Patches\\ES5.zip", ARCHIVE);
        return run;
    }

    private static Map<String, Object> request() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("estate", SAMPLE);
        vars.put("runMode", "rehearsal");
        vars.put("patchFile", "\\\\CC2K125ECEAA\\E$\\Patches\\ES5.zip");
        vars.put("patchChecksum", CHECKSUM.toUpperCase());
        vars.put("patchReadme", "Stop the services, run setup.bat, merge the key files.");
        return vars;
    }

    private static Map<String, Object> explicitWindow() {
        Map<String, Object> vars = request();
        vars.put("windowChoice", "explicit");
        vars.put("windowStart", "2026-11-28T22:00");
        vars.put("windowEnd", "2026-11-29T02:00");
        vars.put("windowZone", "Europe/Berlin");
        return vars;
    }

    private void at(String instant, ProcessInstance run) {
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse(instant)));
        runDue(run);
    }

    /** Executes the run's jobs that are due on Camunda's clock, as the job executor would, until none is. */
    private void runDue(ProcessInstance run) {
        // Jobs run as the job executor runs them: on the engine's own behalf, nobody signed in.
        var signedIn = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            runDueJobs(run);
        } finally {
            if (signedIn != null) {
                identity.setAuthentication(signedIn);
            }
        }
    }

    private void runDueJobs(ProcessInstance run) {
        for (int round = 0; round < 200; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(run.getId())
                    .executable().list().stream()
                    .filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime())).toList();
            if (due.isEmpty()) {
                return;
            }
            engine.getManagementService().executeJob(due.get(0).getId());
        }
        throw new IllegalStateException("still due jobs after 200 rounds");
    }

    private Task task(ProcessInstance run, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(run.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    private Object historic(ProcessInstance run, String name) {
        var v = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
