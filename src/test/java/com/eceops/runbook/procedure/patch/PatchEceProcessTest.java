package com.eceops.runbook.procedure.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.procedure.postinstall.CiscoServiceWait;
import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;
import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.technology.ece.EceOperations;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.lab.LedgerEntry;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/**
 * Patch ECE in the window, in rehearsal on Camunda's clock: the whole patch with the readme's command and by hand,
 * the window enforced (a step refused for lack of time, an extension, the window's end during patch-3), the
 * rollbacks (window, failed content check, no verified backup) proved in the lab, and a re-run that changes nothing.
 */
class PatchEceProcessTest extends SectionProcessTest {

    private static final Date OPENS = Date.from(Instant.parse("2026-11-28T21:00:00Z"));
    private static final Date CLOSES = Date.from(Instant.parse("2026-11-29T01:00:00Z"));
    private static final String AG = "CC2K125ECEDB";
    private static final List<String> ECE_DATABASES = List.of("eGActiveDB", "eGMasterDB", "eGReportsDB");
    private static final String COMMAND = "setup.bat -silent";

    private IdentityService identity;

    @BeforeEach
    void clockAndPeople() {
        identity = PatchFixture.changeManagersAtTheWindow(engine, OPENS);
    }

    @AfterEach
    void resetClock() {
        PatchFixture.leaveTheWindow(identity);
    }

    private ProcessInstance startPatch(EarlierSteps lab, Date closes, String command) {
        return startPatch(lab, closes, command, SAMPLE);
    }

    private ProcessInstance startPatch(EarlierSteps lab, Date closes, String command, String estate) {
        Map<String, Object> vars = PatchFixture.window(closes, command);
        vars.put("estate", estate);
        ProcessInstance run = start("PatchEce", lab, vars);
        PatchFixture.settle(engine, lab.key());
        return run;
    }

    private Task task(EarlierSteps lab, String key) {
        List<Task> tasks = driver.tasks(lab.key()).stream().filter(t -> t.getTaskDefinitionKey().equals(key)).toList();
        if (tasks.size() != 1) {
            throw new AssertionError("expected one " + key + ", found "
                    + driver.tasks(lab.key()).stream().map(Task::getTaskDefinitionKey).toList());
        }
        return tasks.get(0);
    }

    private Object variable(Task task, String name) {
        return runtime.getVariable(task.getExecutionId(), name);
    }

    private void answer(EarlierSteps lab, String key, Map<String, Object> answers) {
        driver.complete(task(lab, key), answers);
        PatchFixture.settle(engine, lab.key());
    }

    private void decide(EarlierSteps lab, String key, Map<String, Object> answers) {
        identity.setAuthentication("patchbob", List.of("change-managers"));
        try {
            driver.complete(task(lab, key), answers);
        } finally {
            identity.clearAuthentication();
        }
        PatchFixture.settle(engine, lab.key());
    }

    private Object historic(ProcessInstance run, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    /** The in-window tasks after patch-3, answered as the operators would. */
    private void mergeStartAndValidate(EarlierSteps lab) {
        for (int web = 0; web < 2; web++) {
            answer(lab, "Task_MergeKeyFiles", Map.of("keyFilesMergedByOperator", true));
            answer(lab, "Task_MergeChatTemplates", Map.of("chatTemplatesMerged", true));
        }
        answer(lab, "Task_TestFinesseGadget", Map.of("gadgetLoginWorked", true));
        answer(lab, "Task_StartEmailProcesses", Map.of("emailProcessesStartedByOperator", true));
    }

    private void assertRemindedOnce(Task decision) {
        assertThat(engine.getTaskService().createTaskQuery().taskId(decision.getId()).singleResult().getPriority()).isEqualTo(100);
        assertThat(engine.getTaskService().getIdentityLinksForTask(decision.getId()))
                .anyMatch(l -> "managers".equals(l.getGroupId())).anyMatch(l -> "change-managers".equals(l.getGroupId()));
        assertThat(engine.getTaskService().getTaskComments(decision.getId())).hasSize(1)
                .allMatch(c -> c.getFullMessage().startsWith("Reminder: the patch of"));
    }

    /** The rollback's validation as the patch's: after the automated checks an agent tries the Finesse gadget. */
    private void tryGadgetAfterRollBack(EarlierSteps lab) {
        answer(lab, "Task_TestFinesseGadget", Map.of("gadgetLoginWorked", true));
    }

    /** The rollback's last steps: the gadget tried, the email processes stopped at patch-1.2 started again, checked. */
    private void giveEmailBack(EarlierSteps lab) {
        tryGadgetAfterRollBack(lab);
        answer(lab, "Task_StartEmailProcesses", Map.of("emailProcessesStartedByOperator", true));
    }

    private void assertRolledBackInTheLab(EarlierSteps lab) {
        for (Server server : lab.lab().estate().allServers()) {
            assertThat(lab.lab().ece().readPatchLevel(server.name())).isEqualTo(EceOperations.BASE_RELEASE);
        }
        AvailabilityGroupState group = lab.lab().sql().readAvailabilityGroup(lab.sideA(), AG);
        assertThat(group.healthy()).isTrue();
        for (String db : ECE_DATABASES) {
            assertThat(group.databases()).filteredOn(d -> d.database().equals(db)).hasSize(2)
                    .allMatch(d -> "SYNCHRONIZED".equals(d.synchronizationState()));
            assertThat(lab.lab().databaseSchemaVersion(lab.sideA(), db)).contains("base");
            assertThat(lab.lab().databaseSchemaVersion(lab.sideB(), db)).contains("base");
        }
        // The rollback's restores run as detached jobs: the lab's ledger records each database restored WITH REPLACE.
        assertThat(lab.lab().ledger()).filteredOn(e -> e.after().contains("(restored WITH REPLACE from")
                && e.after().startsWith("ONLINE")).hasSize(3);
        assertThat(lab.lab().ece().readLoginPage("system").status()).isEqualTo(200);
        // post-9's log backup job was stopped on both replicas before the databases left the group, and runs again
        // since they joined it again: the lab refuses a join whose log chain the job broke.
        List<String> jobChanges = lab.lab().ledger().stream().filter(e -> e.what().equals("Agent job ECE log backup")
                && !e.before().equals("absent")).map(e -> e.host() + " " + e.before() + " -> " + e.after()).toList();
        assertThat(jobChanges).containsExactly(lab.sideA() + " enabled -> disabled", lab.sideB() + " enabled -> disabled",
                lab.sideA() + " disabled -> enabled", lab.sideB() + " disabled -> enabled");
        for (String host : List.of(lab.sideA(), lab.sideB())) {
            assertThat(lab.lab().sql().readAgentJobEnabled(host, "ECE log backup")).contains(true);
        }
    }

    @Test
    void withTheReadmesCommandEveryServerIsPatchedInOrderMergedStartedAndValidatedAndARerunChangesNothing() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        // A customised chat entry point is a folder of its own under the chat templates; its copy (patch-2.2) differs.
        Server firstWeb = lab.lab().estate().webServers().get(0);
        String custom = "eService\\templates\\chat\\acme\\entry.js";
        for (String under : List.of("\\", "\\PatchBackups\\ES5\\")) {
            String file = firstWeb.eceHome() + under + custom;
            lab.lab().windows().ensureDirectory(firstWeb.name(), file.substring(0, file.lastIndexOf('\\')));
        }
        lab.lab().windows().writeFile(firstWeb.name(), firstWeb.eceHome() + "\\" + custom, "/* acme entry point, edited */\n");
        lab.lab().windows().writeFile(firstWeb.name(), firstWeb.eceHome() + "\\PatchBackups\\ES5\\" + custom, "/* acme entry point */\n");
        ProcessInstance run = startPatch(lab, CLOSES, COMMAND);

        // patch-1.2: the system partition's exact URL; an operator who did not stop them gets the task back.
        Task stopEmail = task(lab, "Task_StopEmailProcesses");
        assertThat(stopEmail).hasCandidateGroup("operators");
        assertThat(variable(stopEmail, "systemPartitionUrl")).isEqualTo("https://" + PatchFixture.FQDN + "/system");
        answer(lab, "Task_StopEmailProcesses", Map.of());
        assertThat(variable(task(lab, "Task_StopEmailProcesses"), "emailProcessesReport").toString())
                .contains("system Dispatcher process is Automatic and Running");
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));

        // patch-1.3 to patch-3 ran without a person: stopped, backed up, installed in order by the command.
        Task merge = task(lab, "Task_MergeKeyFiles");
        String webA = lab.lab().estate().sideA().web().name();
        assertThat(variable(merge, "host")).isEqualTo(webA);
        assertThat(variable(merge, "keyFileDiff").toString()).contains("- var web_server_protocol = \"https\";")
                .contains("+ var web_server_protocol = \"http\";").contains("+ var chat_patch_level = \"ES5\";");
        // patch-2.2 kept ece_config.js and agent.xml, and spog_config.js only where this PCCE web server has one.
        String webHome = lab.lab().ece().readInstallation(webA).eceHome();
        for (EceConfigFile file : EceConfigFile.values()) {
            boolean there = lab.lab().windows().fileExists(webA, webHome + "\\" + file.relativePath());
            boolean kept = lab.lab().windows().fileExists(webA, webHome + "\\" + PatchRun.BACKUP_FOLDER + "\\ES5\\" + file.relativePath());
            assertThat(kept).as(file.name()).isEqualTo(file == EceConfigFile.SPOG_CONFIG_JS ? there : true);
        }
        assertThat(variable(merge, "patchAddedLines").toString()).contains("var chat_patch_level = \"ES5\";")
                .contains("<gadgetVersion>ES5</gadgetVersion>").doesNotContain("web_server_protocol");
        List<String> installOrder = lab.lab().ledger().stream().filter(e -> e.what().equals("ECE patch level"))
                .map(LedgerEntry::host).toList();
        assertThat(installOrder).containsExactlyElementsOf(PatchRun.order(lab.lab().estate()));
        assertThat(lab.lab().ledger()).filteredOn(e -> e.what().equals("patch installer") && e.after().startsWith("running"))
                .hasSize(4).allMatch(e -> e.after().contains(COMMAND));
        assertThat(lab.lab().databaseSchemaVersion(lab.sideB(), "eGActiveDB")).contains("ES5");

        // patch-4.1: copying the backup over the new file loses the patch's own line, and the task comes back.
        String js = webA.isEmpty() ? "" : lab.lab().ece().readConfigFile(webA, EceConfigFile.ECE_CONFIG_JS);
        assertThat(js).contains("\"http\"");
        String home = lab.lab().estate().sideA().web().eceHome();
        lab.lab().windows().copyFile(webA, home + "\\PatchBackups\\ES5\\" + EceConfigFile.ECE_CONFIG_JS.relativePath(),
                webA, home + "\\" + EceConfigFile.ECE_CONFIG_JS.relativePath());
        answer(lab, "Task_MergeKeyFiles", Map.of());
        assertThat(variable(task(lab, "Task_MergeKeyFiles"), "keyFileReport").toString())
                .contains("the patch's line \"var chat_patch_level = \"ES5\";\" is gone").contains("gadget URL");
        lab.lab().ece().writeConfigFile(webA, EceConfigFile.ECE_CONFIG_JS, js);
        answer(lab, "Task_MergeKeyFiles", Map.of("keyFilesMergedByOperator", true));
        Task chat = task(lab, "Task_MergeChatTemplates");
        assertThat(variable(chat, "changedChatTemplates").toString()).endsWith("eService\\templates\\chat\\chat_entry_point.js")
                .contains(firstWeb.eceHome() + "\\" + custom);
        assertThatThrownBy(() -> driver.complete(chat, Map.of())).hasMessageContaining("chatTemplatesMerged");
        answer(lab, "Task_MergeChatTemplates", Map.of("chatTemplatesMerged", true));
        answer(lab, "Task_MergeKeyFiles", Map.of("keyFilesMergedByOperator", true));
        answer(lab, "Task_MergeChatTemplates", Map.of("chatTemplatesMerged", true));

        // patch-4.3/4.4 ran; patch-4.5: a gadget that does not log in goes to the change managers, who check again.
        Task gadget = task(lab, "Task_TestFinesseGadget");
        assertThat(variable(gadget, "loginPagesReport").toString()).contains(PatchFixture.FQDN + "/default: login page").contains(PatchFixture.FQDN + "/system: login page");
        answer(lab, "Task_TestFinesseGadget", Map.of("gadgetLoginWorked", false));
        decide(lab, "Task_DecideAfterFailedValidation", Map.of("validationDecision", "checkAgain"));
        answer(lab, "Task_TestFinesseGadget", Map.of("gadgetLoginWorked", true));

        // patch-4.6: started again, and checked where the machine can see it.
        answer(lab, "Task_StartEmailProcesses", Map.of());
        assertThat(variable(task(lab, "Task_StartEmailProcesses"), "emailProcessesReport").toString()).contains("Manual and Stopped");
        answer(lab, "Task_StartEmailProcesses", Map.of("emailProcessesStartedByOperator", true));

        assertThat(run).isEnded().hasPassed("Task_StartPatchInstall", "Task_PollPatchInstall", "Task_FindDeferredReportsDatabase",
                "EndEvent_PatchedInWindow", "EndEvent_Patched")
                .hasNotPassed("Task_InstallPatchByHand", "CallActivity_RollBackPatch", "CallActivity_ReportsDatabase");
        assertThat(historic(run, "patchOutcome").toString()).startsWith("patched: every server at ES5");
        for (Server server : lab.lab().estate().allServers()) {
            assertThat(lab.lab().ece().readPatchLevel(server.name())).isEqualTo("ES5");
        }
        for (Server web : lab.lab().estate().webServers()) {
            assertThat(lab.lab().ece().readConfigFile(web.name(), EceConfigFile.ECE_CONFIG_JS))
                    .contains("\"https\"").contains(PatchFixture.FQDN).contains("chat_patch_level");
        }
        assertThat(lab.lab().ece().readEmailProcesses()).allMatch(p -> p.runningAndAutomatic());
        assertThat(historic(run, "patchStepSeconds_installPatch").toString().split(",")).hasSize(4);

        List<LedgerEntry> before = List.copyOf(lab.lab().ledger());
        ProcessInstance again = startPatch(lab, CLOSES, COMMAND);
        assertThat(again).isEnded().hasPassed("EndEvent_AlreadyPatched").hasNotPassed("SubProcess_PatchInWindow");
        assertThat(lab.lab().ledger()).isEqualTo(before);
    }

    @Test
    void withoutACommandEachServerIsInstalledByHandAndAServerStillAtTheOldLevelComesBack() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        ProcessInstance run = startPatch(lab, CLOSES, null);
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));

        Task first = task(lab, "Task_InstallPatchByHand");
        assertThat(variable(first, "host")).isEqualTo(lab.sideA());
        answer(lab, "Task_InstallPatchByHand", Map.of());
        Task again = task(lab, "Task_InstallPatchByHand");
        assertThat(variable(again, "host")).isEqualTo(lab.sideA());
        assertThat(variable(again, "patchLevelReport").toString()).contains(lab.sideA() + " is at base, not ES5");
        for (String host : PatchRun.order(lab.lab().estate())) {
            assertThat(variable(task(lab, "Task_InstallPatchByHand"), "host")).isEqualTo(host);
            answer(lab, "Task_InstallPatchByHand", Map.of("patchInstalledByOperator", true));
        }
        mergeStartAndValidate(lab);
        assertThat(run).isEnded().hasPassed("EndEvent_Patched").hasNotPassed("Task_StartPatchInstall");
    }

    @Test
    void anInstallerThatRunsTooLongIsHandedToTheOperatorsServerByServer() {
        EarlierSteps lab = PatchFixture.installed(prepare("patch-install-slow"));
        ProcessInstance run = startPatch(lab, CLOSES, COMMAND);
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));

        Task byHand = task(lab, "Task_InstallPatchByHand");
        assertThat(variable(byHand, "installReport").toString()).contains("the installer still runs on " + lab.sideA());
        assertThat(variable(byHand, "pollCount")).isEqualTo(3);
        for (int server = 0; server < 4; server++) {
            answer(lab, "Task_InstallPatchByHand", Map.of("patchInstalledByOperator", true));
        }
        mergeStartAndValidate(lab);
        assertThat(run).isEnded().hasPassed("EndEvent_Patched");
    }

    private void runJobAt(EarlierSteps lab, String activityId) {
        var job = PatchFixture.jobs(engine, lab.key()).stream()
                .filter(j -> activityId.equals(PatchFixture.activityOf(engine, j))).findFirst()
                .orElseThrow(() -> new AssertionError("no job at " + activityId));
        engine.getManagementService().executeJob(job.getId());
    }

    /** A change manager decides at the window's end, and only that decision is recorded: nothing else moves. */
    private void rollBackAtEndAlone(EarlierSteps lab) {
        identity.setAuthentication("patchbob", List.of("change-managers"));
        try {
            driver.complete(task(lab, "Task_DecideWindowOverrun"), Map.of("windowDecision", "rollBack"));
        } finally {
            identity.clearAuthentication();
        }
        runJobAt(lab, "Task_ApplyWindowDecision");
    }

    @Test
    void theWindowsEndDoesNotOpenASecondDecisionWhileTheChangeManagersDecideAtAStep() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        Date soon = Date.from(OPENS.toInstant().plusSeconds(5 * 60));
        ProcessInstance run = startPatch(lab, soon, COMMAND);
        assertThat(task(lab, "Task_DecideWindowOverrun")).isNotNull();

        // The end passes while the decision at the stop is open: the watch waits for it instead of asking again.
        ClockUtil.setCurrentTime(Date.from(soon.toInstant().plusSeconds(60)));
        PatchFixture.settle(engine, lab.key());
        assertThat(driver.tasks(lab.key())).extracting(Task::getTaskDefinitionKey)
                .containsExactly("Task_DecideWindowOverrun");
        decide(lab, "Task_DecideWindowOverrun", Map.of("windowDecision", "extend", "newWindowEnd", "2026-11-29T03:00"));
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));
        // At its next look the watch sees the extension and waits for the new end.
        ClockUtil.setCurrentTime(Date.from(soon.toInstant().plusSeconds(7 * 60)));
        PatchFixture.settle(engine, lab.key());
        mergeStartAndValidate(lab);

        assertThat(run).isEnded().hasPassed("Timer_WaitForStepDecision", "Timer_WaitForNewEnd", "EndEvent_Patched")
                .hasNotPassed("CallActivity_DecideWindowOverrunAtEnd");
        assertThat(historic(run, "windowClosesAt")).isEqualTo(Date.from(Instant.parse("2026-11-29T02:00:00Z")));
        assertThat(historic(run, "rollBackRequested")).isEqualTo(false);
    }

    @Test
    void aRollbackDecidedAtTheEndWhileTheServiceStartsIsActedOnBeforeAgentsLogIn() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        ProcessInstance run = startPatch(lab, CLOSES, COMMAND);
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));
        answer(lab, "Task_MergeKeyFiles", Map.of("keyFilesMergedByOperator", true));
        answer(lab, "Task_MergeChatTemplates", Map.of("chatTemplatesMerged", true));
        answer(lab, "Task_MergeKeyFiles", Map.of("keyFilesMergedByOperator", true));
        driver.complete(task(lab, "Task_MergeChatTemplates"), Map.of("chatTemplatesMerged", true));
        // The start check has passed and ECE is starting when the window ends and the change managers roll back.
        PatchFixture.settleUntilJobAt(engine, lab.key(), "Task_CheckLoginPages");
        ClockUtil.setCurrentTime(Date.from(CLOSES.toInstant().plusSeconds(1)));
        runJobAt(lab, "StartEvent_WindowEnds");
        rollBackAtEndAlone(lab);
        PatchFixture.settle(engine, lab.key());

        assertThat(driver.tasks(lab.key())).extracting(Task::getTaskDefinitionKey).doesNotContain("Task_TestFinesseGadget");
        for (int server = 0; server < 4; server++) {
            answer(lab, "Task_UninstallPatchByHand", Map.of("patchUninstalledByOperator", true));
        }
        giveEmailBack(lab);
        assertThat(run).isEnded().hasPassed("EndEvent_RolledBack").hasNotPassed("EndEvent_Patched");
        // The patch's validation ended at its last safe point; only the rollback's asked an agent to log in.
        String validation = history.createHistoricProcessInstanceQuery().superProcessInstanceId(run.getId())
                .processDefinitionKey("ValidateEce").singleResult().getId();
        assertThat(count(validation, "EndEvent_RollBackBeforeAgents")).isEqualTo(1);
        assertThat(count(validation, "Task_TestFinesseGadget")).isZero();
        assertRolledBackInTheLab(lab);
    }

    @Test
    void aRollbackDecidedAfterTheLastSafePointIsNotDroppedButRollsThePatchedEceBack() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        ProcessInstance run = startPatch(lab, CLOSES, COMMAND);
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));
        for (int web = 0; web < 2; web++) {
            answer(lab, "Task_MergeKeyFiles", Map.of("keyFilesMergedByOperator", true));
            answer(lab, "Task_MergeChatTemplates", Map.of("chatTemplatesMerged", true));
        }
        // The agents are testing Finesse when the window ends; the change managers roll back.
        assertThat(task(lab, "Task_TestFinesseGadget")).isNotNull();
        ClockUtil.setCurrentTime(Date.from(CLOSES.toInstant().plusSeconds(1)));
        PatchFixture.settle(engine, lab.key());
        decide(lab, "Task_DecideWindowOverrun", Map.of("windowDecision", "rollBack"));
        answer(lab, "Task_TestFinesseGadget", Map.of("gadgetLoginWorked", true));
        answer(lab, "Task_StartEmailProcesses", Map.of("emailProcessesStartedByOperator", true));

        for (int server = 0; server < 4; server++) {
            answer(lab, "Task_UninstallPatchByHand", Map.of("patchUninstalledByOperator", true));
        }
        giveEmailBack(lab);
        assertThat(run).isEnded().hasPassed("Gateway_RollBackDecidedLate", "CallActivity_RollBackPatch", "EndEvent_RolledBack")
                .hasNotPassed("EndEvent_Patched");
        assertThat(historic(run, "patchOutcome").toString()).startsWith("rolled back");
        assertRolledBackInTheLab(lab);
    }

    @Test
    void aStopThatFitsAloneButLeavesNoTimeToStartEceAgainIsNotStarted() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        ProcessInstance run = startPatch(lab, Date.from(OPENS.toInstant().plusSeconds(20 * 60)), COMMAND);

        // 10 minutes of stop fit in 20, but with the 15 of the start that brings ECE back they do not.
        // The check comes before patch-1.2: nobody is asked to stop email for an outage that does not fit.
        assertThat(driver.tasks(lab.key())).extracting(Task::getTaskDefinitionKey).containsExactly("Task_DecideWindowOverrun");
        assertThat(variable(task(lab, "Task_DecideWindowOverrun"), "windowReport").toString())
                .contains("about 10 min (the inventory's estimate), then starting ECE again about 15 min; 20 min left");
        assertThat(lab.lab().windows().readService(lab.sideA(), "Cisco").status().name()).isEqualTo("RUNNING");
        runtime.deleteProcessInstance(run.getId(), "test finished");
    }

    @Test
    void aStepThatDoesNotFitIsNotStartedUntilAChangeManagerOtherThanTheRequesterExtendsTheWindow() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        Date soon = Date.from(OPENS.toInstant().plusSeconds(5 * 60));
        ProcessInstance run = startPatch(lab, soon, COMMAND);

        // The stop takes about 10 minutes by the inventory, the way back (start) 15, and 5 are left: the service still runs.
        Task decision = task(lab, "Task_DecideWindowOverrun");
        assertThat(decision).hasCandidateGroup("change-managers");
        assertThat(variable(decision, "windowReport").toString()).contains("stopServices takes about 10 min (the inventory's estimate), then starting ECE again about 15 min; 5 min left");
        assertThat(lab.lab().windows().readService(lab.sideA(), "Cisco").status().name()).isEqualTo("RUNNING");
        identity.setAuthentication("patchalice", List.of("change-managers"));
        assertThatThrownBy(() -> driver.complete(decision, Map.of("windowDecision", "extend", "newWindowEnd", "2026-11-29T03:00")))
                .hasMessageContaining("four eyes: patchalice registered this patch");
        identity.setAuthentication("patchbob", List.of("change-managers"));
        assertThatThrownBy(() -> driver.complete(decision, Map.of("windowDecision", "extend", "newWindowEnd", "2026-11-28T21:00")))
                .hasMessageContaining("newWindowEnd");
        identity.clearAuthentication();
        decide(lab, "Task_DecideWindowOverrun", Map.of("windowDecision", "extend", "newWindowEnd", "2026-11-29T03:00"));
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));

        // The old end passes while the backup runs: the window was extended before, so nobody is asked again.
        ClockUtil.setCurrentTime(Date.from(soon.toInstant().plusSeconds(60)));
        PatchFixture.settle(engine, lab.key());
        mergeStartAndValidate(lab);

        assertThat(run).isEnded().hasPassed("EndEvent_Patched", "Gateway_WindowExtendedMeanwhile")
                .hasNotPassed("CallActivity_DecideWindowOverrunAtEnd");
        // The watch re-armed itself on the new end, and went with the run.
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId("Timer_WaitForNewEnd").canceled().count()).isEqualTo(1);
        assertThat(historic(run, "windowDecisions").toString()).isEqualTo("extended to 2026-11-29T02:00:00Z by patchbob");
        assertThat(historic(run, "windowClosesAt")).isEqualTo(Date.from(Instant.parse("2026-11-29T02:00:00Z")));
    }

    @Test
    void aWindowDecisionChangedAfterTheChangeManagerMadeItIsNotApplied() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        Date soon = Date.from(OPENS.toInstant().plusSeconds(5 * 60));
        startPatch(lab, soon, COMMAND);
        Task decision = task(lab, "Task_DecideWindowOverrun");
        identity.setAuthentication("patchbob", List.of("change-managers"));
        driver.complete(decision, Map.of("windowDecision", "extend", "newWindowEnd", "2026-11-29T03:00"));
        identity.clearAuthentication();

        // Moved further behind the change manager's back (only an administrator can write variables).
        runtime.setVariable(decision.getProcessInstanceId(), "newWindowEnd", Date.from(Instant.parse("2026-11-29T08:00:00Z")));
        PatchFixture.settle(engine, lab.key());

        var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(decision.getProcessInstanceId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_ApplyWindowDecision");
        assertThat(incident.getIncidentMessage()).contains("changed after the change manager made it");
        assertThat(runtime.getVariable(decision.getProcessInstanceId(), "windowClosesAt")).isEqualTo(soon);
        assertThat(lab.lab().windows().readService(lab.sideA(), "Cisco").status().name()).isEqualTo("RUNNING");
    }

    @Test
    void theWindowEndsDuringPatch3AndTheRollbackRestoresTheDatabasesIntoTheGroupAndUninstallsThePatch() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        ProcessInstance run = startPatch(lab, CLOSES, null);
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));
        assertThat(variable(task(lab, "Task_InstallPatchByHand"), "host")).isEqualTo(lab.sideA());

        // The window ends while the operator installs on 1A: the change managers are asked at once, and give
        // half an hour more (01:30 in Berlin is 00:30Z)...
        ClockUtil.setCurrentTime(Date.from(CLOSES.toInstant().plusSeconds(1)));
        PatchFixture.settle(engine, lab.key());
        ClockUtil.setCurrentTime(Date.from(CLOSES.toInstant().plusSeconds(16 * 60)));
        PatchFixture.settle(engine, lab.key());
        assertRemindedOnce(task(lab, "Task_DecideWindowOverrun"));
        decide(lab, "Task_DecideWindowOverrun", Map.of("windowDecision", "extend", "newWindowEnd", "2026-11-29T02:30"));
        assertThat(runtime.getVariable(run.getId(), "windowClosesAt")).isEqualTo(Date.from(Instant.parse("2026-11-29T01:30:00Z")));
        // ...the install is still not done when that end comes too, and this time they roll back...
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-29T01:30:01Z")));
        PatchFixture.settle(engine, lab.key());
        decide(lab, "Task_DecideWindowOverrun", Map.of("windowDecision", "rollBack"));
        assertThat(runtime.getVariable(run.getId(), "windowDecisions").toString())
                .isEqualTo("extended to 2026-11-29T01:30:00Z by patchbob; roll back decided by patchbob");
        assertThat(task(lab, "Task_InstallPatchByHand")).isNotNull();
        // ...and the install in flight is not interrupted: the decision takes effect at the next safe point.
        answer(lab, "Task_InstallPatchByHand", Map.of("patchInstalledByOperator", true));
        assertThat(lab.lab().ece().readPatchLevel(lab.sideA())).isEqualTo("ES5");
        assertThat(lab.lab().ece().readPatchLevel(lab.sideB())).isEqualTo(EceOperations.BASE_RELEASE);

        Task uninstall = task(lab, "Task_UninstallPatchByHand");
        assertThat(variable(uninstall, "host")).isEqualTo(lab.sideA());
        assertThat(variable(uninstall, "patchLevelReport").toString()).contains("it was at base before the window");
        answer(lab, "Task_UninstallPatchByHand", Map.of("patchUninstalledByOperator", true));

        giveEmailBack(lab);
        assertThat(run).isEnded().hasPassed("Boundary_RollBackDecided", "CallActivity_RollBackPatch", "EndEvent_RolledBack")
                .hasNotPassed("EndEvent_Patched");
        assertThat(historic(run, "patchOutcome").toString()).startsWith("rolled back");
        assertRolledBackInTheLab(lab);
    }

    /**
     * A restore the DBAs give up (RollbackRestoreFailed) stops the rollback: nothing is uninstalled or started
     * over databases that are neither patched nor restored, and the run ends at "Rollback failed".
     */
    @Test
    void aRestoreTheDbasGiveUpStopsTheRollbackWithEceStoppedAndNothingUninstalled() {
        EarlierSteps lab = PatchFixture.installed(prepare("rollback-restore-always-in-use"));
        ProcessInstance run = startPatch(lab, CLOSES, null);
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));
        assertThat(variable(task(lab, "Task_InstallPatchByHand"), "host")).isEqualTo(lab.sideA());
        ClockUtil.setCurrentTime(Date.from(CLOSES.toInstant().plusSeconds(1)));
        PatchFixture.settle(engine, lab.key());
        decide(lab, "Task_DecideWindowOverrun", Map.of("windowDecision", "rollBack"));
        answer(lab, "Task_InstallPatchByHand", Map.of("patchInstalledByOperator", true));

        Task restore = task(lab, "Task_LookIntoRollbackRestore");
        assertThat(restore).hasCandidateGroup("dbas");
        answer(lab, "Task_LookIntoRollbackRestore", Map.of("rollbackDecision", "giveUp"));

        assertThat(run).isEnded().hasPassed("CallActivity_RollBackPatch", "Boundary_RollbackFailed", "EndEvent_RollbackFailed")
                .hasNotPassed("EndEvent_RolledBack", "EndEvent_Patched");
        assertThat(historic(run, "patchOutcome").toString()).startsWith("rollback stopped");
        assertThat(lab.lab().ece().readPatchLevel(lab.sideA())).isEqualTo("ES5");
        assertThat(lab.lab().ledger()).noneMatch(e -> e.operation().equals("uninstallEcePatchByHand"));
        assertThat(lab.lab().windows().readService(lab.sideA(), "Cisco").status()).isEqualTo(com.eceops.runbook.technology.windows.ServiceStatus.Status.STOPPED);
    }

    @Test
    void aServiceDownPageAfterThePatchLeadsToTheRollbackDecision() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        ProcessInstance run = startPatch(lab, CLOSES, COMMAND);
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));
        answer(lab, "Task_MergeKeyFiles", Map.of("keyFilesMergedByOperator", true));
        answer(lab, "Task_MergeChatTemplates", Map.of("chatTemplatesMerged", true));
        answer(lab, "Task_MergeKeyFiles", Map.of("keyFilesMergedByOperator", true));
        driver.complete(task(lab, "Task_MergeChatTemplates"), Map.of("chatTemplatesMerged", true));
        // ECE started, then the application servers' services fall over before the pages are read.
        PatchFixture.settleUntilJobAt(engine, lab.key(), "Task_CheckLoginPages");
        lab.lab().windows().stopService(lab.sideA(), "Cisco");
        lab.lab().windows().stopService(lab.sideB(), "Cisco");
        PatchFixture.settle(engine, lab.key());

        Task decision = task(lab, "Task_DecideAfterFailedValidation");
        assertThat(variable(decision, "loginPagesReport").toString()).contains("service-down page (HTTP 503)");
        decide(lab, "Task_DecideAfterFailedValidation", Map.of("validationDecision", "checkAgain"));
        assertThatThrownBy(() -> driver.complete(task(lab, "Task_DecideAfterFailedValidation"), Map.of("validationDecision", "later")))
                .hasMessageContaining("validationDecision");
        decide(lab, "Task_DecideAfterFailedValidation", Map.of("validationDecision", "rollBack"));

        // Uninstalled in the reverse of patch-3's order: the side-B web server first.
        List<String> order = PatchRun.order(lab.lab().estate());
        assertThat(variable(task(lab, "Task_UninstallPatchByHand"), "host")).isEqualTo(order.get(order.size() - 1));
        for (int server = 0; server < 4; server++) {
            answer(lab, "Task_UninstallPatchByHand", Map.of("patchUninstalledByOperator", true));
        }
        // The operator reports the email processes started, but they do not run: the task comes back.
        tryGadgetAfterRollBack(lab);
        answer(lab, "Task_StartEmailProcesses", Map.of("emailProcessesStartedByOperator", false));
        assertThat(variable(task(lab, "Task_StartEmailProcesses"), "emailProcessesOk")).isEqualTo(false);
        answer(lab, "Task_StartEmailProcesses", Map.of("emailProcessesStartedByOperator", true));
        assertThat(run).isEnded().hasPassed("EndEvent_RollBackAfterValidation", "EndEvent_RolledBack");
        assertRolledBackInTheLab(lab);
        for (Server web : lab.lab().estate().webServers()) {
            // The uninstall put back the files the patch replaced: the merged settings of before the window.
            assertThat(lab.lab().ece().readConfigFile(web.name(), EceConfigFile.ECE_CONFIG_JS)).contains("\"https\"")
                    .doesNotContain("chat_patch_level");
        }
    }

    @Test
    void withoutAVerifiedBackupNothingIsPatchedAndECEIsStartedAgainUntouched() {
        EarlierSteps lab = PatchFixture.installed(prepare("pre-patch-backup-always-damaged"));
        ProcessInstance run = startPatch(lab, CLOSES, COMMAND);
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));
        answer(lab, "Task_LookIntoBackupVerification", Map.of("takeBackupsAgain", false));

        giveEmailBack(lab);
        assertThat(run).isEnded().hasPassed("EndEvent_RollBackWithoutBackup", "EndEvent_RolledBack")
                .hasNotPassed("SubProcess_InstallPatch");
        assertThat(lab.lab().ledger()).noneMatch(e -> e.what().startsWith("job ECE runbook: RESTORE")
                || e.after().contains("(restored WITH REPLACE from") || e.what().equals("ECE patch level"));
        assertThat(lab.lab().ece().readLoginPage("default").status()).isEqualTo(200);
    }

    @Test
    void processesThatDoNotGoAfterTheStopGoToTheOperators() {
        EarlierSteps lab = PatchFixture.installed(prepare("cisco-stop-held-up"));
        ProcessInstance run = startPatch(lab, CLOSES, COMMAND);
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));
        Task look = task(lab, "Task_LookIntoCiscoServiceStop");
        // The lab's clock barely moves in a test: the wait gives up at its poll cap, not at the document's time.
        assertThat(variable(look, "pollCount")).isEqualTo(3 * CiscoServiceWait.POLL_LIMITS_WITHOUT_TIME);
        answer(lab, "Task_LookIntoCiscoServiceStop", Map.of());
        assertThat(task(lab, "Task_LookIntoCiscoServiceStop")).isNotNull();
        assertThat(run).hasNotPassed("CallActivity_StopEce", "CallActivity_BackUpDatabasesBeforePatch");
        runtime.deleteProcessInstance(run.getId(), "test finished");
    }

    @Test
    void processesThatKeepRisingAfterTheStartGoToTheOperators() {
        EarlierSteps lab = PatchFixture.installed(prepare("cisco-start-held-up"));
        ProcessInstance run = startPatch(lab, CLOSES, COMMAND);
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));
        for (int web = 0; web < 2; web++) {
            answer(lab, "Task_MergeKeyFiles", Map.of("keyFilesMergedByOperator", true));
            answer(lab, "Task_MergeChatTemplates", Map.of("chatTemplatesMerged", true));
        }
        answer(lab, "Task_LookIntoCiscoServiceStart", Map.of());
        assertThat(task(lab, "Task_LookIntoCiscoServiceStart")).isNotNull();
        assertThat(run).hasNotPassed("CallActivity_StartEce", "Task_CheckLoginPages");
        runtime.deleteProcessInstance(run.getId(), "test finished");
    }

    /**
     * ECE 12.0: Install ECE HA left post-7 (and post-8 on the secondary) for the first ES. After the window the
     * patch run finds the replica without SSISDB, runs the ReportsDB utility from the ES unzipped on side A, and
     * grants on the secondary; the next patch finds SSISDB on both replicas and leaves post-7 alone.
     */
    @Test
    void onEce12Point0TheFirstPatchRunsTheDeferredReportsDatabaseFromTheEsAndTheNextOneDoesNot() {
        String key = "massivedynamic-120.rehearsal.20261128-220000-" + System.nanoTime() % 100000;
        EarlierSteps lab = PatchFixture.installed(new EarlierSteps(key, null, labs.open(key, estates.load("massivedynamic-120"),
                com.eceops.runbook.lab.LabScenario.defaults().withDurationScale(0))));
        String es = PatchStaging.on(lab.lab().estate().sideA().collocated(), PatchFixture.PATCH_FILE).folder();
        lab.esUnzipped(es);
        assertThat(lab.lab().sql().readDatabases(lab.sideB())).noneMatch(d -> d.name().equals("SSISDB"));

        ProcessInstance run = startPatch(lab, CLOSES, COMMAND, "massivedynamic-120");
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));
        mergeStartAndValidate(lab);

        assertThat(run).isEnded().hasPassedInOrder("EndEvent_PatchedInWindow", "Task_FindDeferredReportsDatabase",
                "CallActivity_ReportsDatabase", "CallActivity_SqlServerJobs", "EndEvent_Patched");
        assertThat(historic(run, "secondaryReplica")).isEqualTo(lab.sideB());
        assertThat(historic(run, "reportsUtilitySource")).isEqualTo(es);
        assertThat(historic(run, "reportsDatabaseAfterPatchReport").toString()).contains(lab.sideB() + " has no SSISDB");
        assertThat(lab.lab().sql().readDatabases(lab.sideB())).anyMatch(d -> d.name().equals("SSISDB"));
        assertThat(lab.lab().sql().grantSsisCleanupPermissions(lab.sideB()).changed()).isFalse();

        ProcessInstance next = engine.getRuntimeService().createProcessInstanceByKey("PatchEce").businessKey(key)
                .setVariables(withEstate(PatchFixture.window(CLOSES, COMMAND), "massivedynamic-120"))
                .startBeforeActivity("Task_FindDeferredReportsDatabase").execute();
        PatchFixture.settle(engine, lab.key());
        assertThat(next).isEnded().hasPassed("EndEvent_Patched").hasNotPassed("CallActivity_ReportsDatabase");
    }

    private static Map<String, Object> withEstate(Map<String, Object> vars, String estate) {
        vars.put("estate", estate);
        vars.put("runMode", "rehearsal");
        return vars;
    }

    @Test
    void anEstateWithoutProductionEmailSkipsTheEmailProcessesBeforeAndAfter() {
        String key = "massivedynamic-noemail.rehearsal.20261128-220000-" + System.nanoTime() % 100000;
        EarlierSteps lab = PatchFixture.installed(new EarlierSteps(key, null, labs.open(key, estates.load("massivedynamic-noemail"),
                com.eceops.runbook.lab.LabScenario.defaults().withDurationScale(0))));
        ProcessInstance run = startPatch(lab, CLOSES, COMMAND, "massivedynamic-noemail");
        for (int web = 0; web < 2; web++) {
            answer(lab, "Task_MergeKeyFiles", Map.of("keyFilesMergedByOperator", true));
            answer(lab, "Task_MergeChatTemplates", Map.of("chatTemplatesMerged", true));
        }
        answer(lab, "Task_TestFinesseGadget", Map.of("gadgetLoginWorked", true));

        assertThat(run).isEnded().hasPassed("Gateway_EmailHandled", "CallActivity_ValidateEce", "EndEvent_Patched")
                .hasNotPassed("Task_StopEmailProcesses");
        String validation = history.createHistoricProcessInstanceQuery().superProcessInstanceId(run.getId())
                .processDefinitionKey("ValidateEce").singleResult().getId();
        assertThat(count(validation, "Gateway_EmailRestored")).isEqualTo(1);
        assertThat(count(validation, "Task_StartEmailProcesses")).isZero();
        assertThat(lab.lab().ledger()).noneMatch(e -> e.what().startsWith("email "));
    }

    @Test
    void aChangeManagerMayRollBackAStepThatDoesNotFitBeforeAnythingIsStopped() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        ProcessInstance run = startPatch(lab, Date.from(OPENS.toInstant().plusSeconds(5 * 60)), COMMAND);
        List<LedgerEntry> before = List.copyOf(lab.lab().ledger());
        // Left open for a quarter of an hour, the decision is raised and offered to the managers too.
        ClockUtil.setCurrentTime(Date.from(OPENS.toInstant().plusSeconds(16 * 60)));
        PatchFixture.settle(engine, lab.key());
        assertRemindedOnce(task(lab, "Task_DecideWindowOverrun"));

        decide(lab, "Task_DecideWindowOverrun", Map.of("windowDecision", "rollBack"));
        tryGadgetAfterRollBack(lab);

        assertThat(run).isEnded().hasPassed("EndEvent_RolledBack").hasNotPassed("Task_StopEmailProcesses", "CallActivity_StopEce");
        assertThat(historic(run, "windowDecisions").toString()).isEqualTo("roll back decided by patchbob");
        // Nothing was stopped, backed up or installed, not even email: the rollback only checked ECE answers.
        String rollBack = history.createHistoricProcessInstanceQuery().superProcessInstanceId(run.getId())
                .processDefinitionKey("RollBackPatch").singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(rollBack)
                .activityId("CallActivity_StopEceForRollBack").count()).isZero();
        assertThat(countWithCalled(rollBack, "Task_CheckLoginPages")).isEqualTo(1);
        assertThat(countWithCalled(rollBack, "Task_StartEmailProcesses")).isZero();
        assertThat(lab.lab().ledger()).isEqualTo(before);
        assertThat(lab.lab().ece().readLoginPage("default").status()).isEqualTo(200);
    }

    @Test
    void aWindowClosedBeforeTheRunStartsGoesToTheChangeManagersAndARollbackTouchesNothing() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        List<LedgerEntry> before = List.copyOf(lab.lab().ledger());
        // The preflight was resolved late: the window closed ten minutes before the run could start.
        ProcessInstance run = startPatch(lab, Date.from(OPENS.toInstant().minusSeconds(10 * 60)), COMMAND);

        assertThat(driver.tasks(lab.key())).extracting(Task::getTaskDefinitionKey).containsExactly("Task_DecideWindowOverrun");
        assertThat(run).hasPassed("Gateway_WindowStillOpen").hasNotPassed("SubProcess_PatchInWindow");
        decide(lab, "Task_DecideWindowOverrun", Map.of("windowDecision", "rollBack"));

        assertThat(run).isEnded().hasPassed("EndEvent_WindowClosedNothingPatched")
                .hasNotPassed("SubProcess_PatchInWindow", "CallActivity_RollBackPatch");
        assertThat(historic(run, "patchOutcome").toString()).startsWith("not patched: the window had closed");
        assertThat(lab.lab().ledger()).isEqualTo(before);
        assertThat(lab.lab().windows().readService(lab.sideA(), "Cisco").status().name()).isEqualTo("RUNNING");
    }

    @Test
    void aWindowClosedBeforeTheRunStartsAndThenExtendedIsPatchedAsUsual() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        ProcessInstance run = startPatch(lab, Date.from(OPENS.toInstant().minusSeconds(10 * 60)), COMMAND);
        decide(lab, "Task_DecideWindowOverrun", Map.of("windowDecision", "extend", "newWindowEnd", "2026-11-29T03:00"));

        // Extended, the run enters the window: its first check passes and email is stopped only now.
        answer(lab, "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true));
        mergeStartAndValidate(lab);
        assertThat(run).isEnded().hasPassed("CallActivity_DecideClosedWindow", "SubProcess_PatchInWindow", "EndEvent_Patched")
                .hasNotPassed("CallActivity_DecideWindowOverrunAtEnd");
        for (Server server : lab.lab().estate().allServers()) {
            assertThat(lab.lab().ece().readPatchLevel(server.name())).isNotEqualTo(EceOperations.BASE_RELEASE);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    PatchStepDurations durations;

    @Test
    void earlierLiveRunsOfTheEstateReplaceTheInventorysEstimateAndRehearsalsNeverDo() {
        assertThat(durations.estimate(estates.load("golive"), "golive.live.20261128-220000", "stopServices"))
                .isEqualTo(new PatchStepDurations.Estimate(java.time.Duration.ofMinutes(10), "the inventory's estimate"));
        // A live run of the estate that recorded its stops (it is over: cancelled here before any server was touched).
        Map<String, Object> vars = PatchFixture.window(CLOSES, null);
        vars.put("estate", "golive");
        vars.put("runMode", "live");
        vars.put("confirmEstateName", "golive");
        ProcessInstance live = runtime.startProcessInstanceByKey("PatchEce", vars);
        runtime.setVariable(live.getId(), "patchStepSeconds_stopServices", "600,480");
        runtime.deleteProcessInstance(live.getId(), "test: a live run that is over");

        assertThat(durations.estimate(estates.load("golive"), "golive.live.20261128-230000", "stopServices"))
                .isEqualTo(new PatchStepDurations.Estimate(java.time.Duration.ofMinutes(9), "the average of 1 earlier live run(s)"));
        assertThat(durations.estimate(estates.load("golive"), "golive.rehearsal.20261128-230000", "stopServices").source())
                .isEqualTo("the inventory's estimate");
        assertThat(durations.estimate(estates.load("golive"), "golive.live.20261128-230000", "installPatch").duration())
                .isEqualTo(java.time.Duration.ofMinutes(20));
    }

    /** RollBackPatch started on its own, as PatchEce hands it over when nothing was backed up or patched. */
    private ProcessInstance startRollBack(EarlierSteps lab) {
        Map<String, Object> vars = PatchFixture.window(CLOSES, null);
        vars.put("patchOrder", new java.util.ArrayList<>(PatchRun.order(lab.lab().estate())));
        vars.put("levelsBeforePatch", String.join(";", PatchRun.order(lab.lab().estate()).stream().map(h -> h + "=base").toList()));
        ProcessInstance run = start("RollBackPatch", lab, vars);
        PatchFixture.settle(engine, lab.key());
        return run;
    }

    private long count(String instanceId, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityId(activityId).count();
    }

    /** How often an instance and the processes it called passed an activity. */
    private long countWithCalled(String instanceId, String activityId) {
        return count(instanceId, activityId) + history.createHistoricProcessInstanceQuery().superProcessInstanceId(instanceId)
                .list().stream().mapToLong(called -> count(called.getId(), activityId)).sum();
    }

    /** The running instance of {@code processKey} that {@code run} called. */
    private String calledBy(ProcessInstance run, String processKey) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(run.getId()).processDefinitionKey(processKey)
                .singleResult().getId();
    }

    @Test
    void aRollbackWhoseStopHangsGoesToTheOperators() {
        EarlierSteps lab = PatchFixture.installed(prepare("cisco-stop-held-up"));
        ProcessInstance run = startRollBack(lab);
        // The rollback's stop is the StopEce it calls: the operators' task is that process's.
        assertThat(variable(task(lab, "Task_LookIntoCiscoServiceStop"), "pollCount"))
                .isEqualTo(3 * CiscoServiceWait.POLL_LIMITS_WITHOUT_TIME);
        answer(lab, "Task_LookIntoCiscoServiceStop", Map.of());
        assertThat(task(lab, "Task_LookIntoCiscoServiceStop")).isNotNull();
        assertThat(task(lab, "Task_LookIntoCiscoServiceStop").getProcessInstanceId()).isEqualTo(calledBy(run, "StopEce"));
        assertThat(run).hasNotPassed("CallActivity_StopEceForRollBack", "SubProcess_UninstallPatch");
        runtime.deleteProcessInstance(run.getId(), "test finished");
    }

    @Test
    void aRollbackWhoseStartHangsGoesToTheOperators() {
        EarlierSteps lab = PatchFixture.installed(prepare("cisco-start-held-up"));
        ProcessInstance run = startRollBack(lab);
        answer(lab, "Task_LookIntoCiscoServiceStart", Map.of());
        assertThat(task(lab, "Task_LookIntoCiscoServiceStart")).isNotNull();
        assertThat(task(lab, "Task_LookIntoCiscoServiceStart").getProcessInstanceId()).isEqualTo(calledBy(run, "StartEce"));
        assertThat(run).hasPassed("Gateway_DatabasesHandled", "SubProcess_UninstallPatch").hasNotPassed("CallActivity_RestoreDatabasesBeforePatch", "CallActivity_ValidateEceAfterRollBack");
        runtime.deleteProcessInstance(run.getId(), "test finished");
    }

    @Test
    void anEceThatDoesNotAnswerAfterTheRollbackGoesToTheOperatorsAndIsCheckedAgain() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        Map<String, Object> vars = PatchFixture.window(CLOSES, null);
        vars.put("patchOrder", new java.util.ArrayList<>(PatchRun.order(lab.lab().estate())));
        vars.put("levelsBeforePatch", String.join(";", PatchRun.order(lab.lab().estate()).stream().map(h -> h + "=base").toList()));
        ProcessInstance run = start("RollBackPatch", lab, vars);
        PatchFixture.settleUntilJobAt(engine, lab.key(), "Task_CheckLoginPages");
        lab.lab().windows().stopService(lab.sideA(), "Cisco");
        lab.lab().windows().stopService(lab.sideB(), "Cisco");
        PatchFixture.settle(engine, lab.key());

        Task look = task(lab, "Task_LookIntoRollBackValidation");
        assertThat(variable(look, "loginPagesReport").toString()).contains("service-down page");
        lab.lab().windows().startService(lab.sideA(), "Cisco");
        lab.lab().windows().startService(lab.sideB(), "Cisco");
        // The pages answer again, but an uninstall put plain http back into web A's ece_config.js.
        String webA = lab.lab().estate().webServers().get(0).name();
        String js = lab.lab().ece().readConfigFile(webA, EceConfigFile.ECE_CONFIG_JS);
        String http = js.replace("web_server_protocol = \"https\"", "web_server_protocol = \"http\"");
        assertThat(http).isNotEqualTo(js);
        lab.lab().ece().writeConfigFile(webA, EceConfigFile.ECE_CONFIG_JS, http);
        answer(lab, "Task_LookIntoRollBackValidation", Map.of("rollBackValidationNotes", "started the Cisco service again"));

        // The same key file check as patch-4.1's sends it back before anyone tries the gadget.
        assertThat(driver.tasks(lab.key())).extracting(Task::getTaskDefinitionKey).containsExactly("Task_LookIntoRollBackValidation");
        assertThat(variable(task(lab, "Task_LookIntoRollBackValidation"), "keyFileReport").toString())
                .isEqualTo(webA + ": web_server_protocol in ece_config.js is \"http\", not \"https\"");
        lab.lab().ece().writeConfigFile(webA, EceConfigFile.ECE_CONFIG_JS, js);
        answer(lab, "Task_LookIntoRollBackValidation", Map.of("rollBackValidationNotes", "https back in ece_config.js"));

        // patch-4.5 after the rollback: an agent who cannot log in to the gadget sends it back too.
        answer(lab, "Task_TestFinesseGadget", Map.of("gadgetLoginWorked", false));
        answer(lab, "Task_LookIntoRollBackValidation", Map.of("rollBackValidationNotes", "Finesse cache cleared"));
        tryGadgetAfterRollBack(lab);

        assertThat(run).isEnded().hasPassed("EndEvent_RolledBackAndValidated");
        // Pages, key files, gadget: each failure went to the operators once, and each time everything was checked again.
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId("Task_LookIntoRollBackValidation").count()).isEqualTo(3);
        assertThat(countWithCalled(run.getId(), "Task_CheckKeyFiles")).isEqualTo(3);
    }

}
