package com.eceops.runbook.procedure.patchdatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;
import com.eceops.runbook.lab.LedgerEntry;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/**
 * patch-2.1 and the rollback's database steps in rehearsal: the pre-patch backup with its verification and the
 * DBAs' path, and the restore of that backup with the re-seed of the secondary, proved on the lab's databases.
 */
class PatchDatabasesProcessTest extends SectionProcessTest {

    private static final String AG = "CC2K125ECEDB";
    private static final List<String> ECE_DATABASES = List.of("eGActiveDB", "eGMasterDB", "eGReportsDB");

    private EarlierSteps joined(String scenario) {
        return prepare(scenario).features().activeDirectory().directories().dfs().cluster().availabilityGroup()
                .eceDatabasesJoined();
    }

    private Object historicVariable(ProcessInstance run, String name) {
        var variable = history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).variableName(name)
                .singleResult();
        return variable == null ? null : variable.getValue();
    }

    private String backedUp(EarlierSteps lab) {
        ProcessInstance backup = start("BackUpDatabasesBeforePatch", lab, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(backup).isEnded().hasPassed("EndEvent_DatabasesBackedUp");
        return historicVariable(backup, PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name()).toString();
    }

    private String startedAt(EarlierSteps lab) {
        return lab.key().substring(lab.key().lastIndexOf(".rehearsal.") + ".rehearsal.".length());
    }

    private static boolean backupWritten(LedgerEntry e) {
        return e.what().startsWith("last full backup of") && e.after().contains("_PrePatch_");
    }

    @Test
    void thePrePatchBackupIsTakenOnThePrimaryVerifiedCopiedAndRecordedAndARerunChangesNothing() {
        EarlierSteps lab = joined(null);
        ProcessInstance run = start("BackUpDatabasesBeforePatch", lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("Task_StartPrePatchBackup", "Timer_BackupWaitBeforeChecking", "Task_CheckPrePatchBackup",
                "Task_VerifyPrePatchBackup", "Task_CopyPrePatchBackup", "Task_NotePrePatchBackup", "Task_RecordPrePatchBackupSet",
                "EndEvent_DatabasesBackedUp").hasNotPassed("Task_LookIntoBackupVerification", "Task_LookIntoSlowBackup");
        // One database per step instance: three starts, each its own job.
        assertThat(activityCount(run, "Task_StartPrePatchBackup")).isEqualTo(3);
        PrePatchBackupSet set = PrePatchBackupSet.parse(historicVariable(run, PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name()));
        assertThat(set.backups()).extracting(PrePatchBackupSet.Backup::database).containsExactlyElementsOf(ECE_DATABASES);
        for (PrePatchBackupSet.Backup backup : set.backups()) {
            assertThat(backup.server()).isEqualTo(lab.sideA());
            assertThat(backup.copyServer()).isEqualTo(lab.sideB());
            assertThat(backup.file()).isEqualTo("F:\\MSSQL\\Backups\\" + backup.database() + "_PrePatch_" + startedAt(lab) + ".bak");
            assertThat(backup.finishedAt()).isNotNull();
            assertThat(backup.position()).isEqualTo(1);
            assertThat(lab.lab().sql().verifyBackup(lab.sideA(), backup.file(), 1).valid()).isTrue();
            // The copy on the other replica holds the same backup set (same LSNs), at the same path.
            assertThat(lab.lab().sql().readBackupHeader(lab.sideB(), backup.file(), 1)).hasValueSatisfying(h ->
                    assertThat(h.firstLsn()).isEqualTo(backup.firstLsn()));
        }
        assertThat(lab.lab().ledger()).filteredOn(e -> e.what().startsWith("job ECE runbook: BACKUP")).hasSize(3)
                .allMatch(e -> e.host().equals(lab.sideA()));
        assertThat(lab.lab().ledger()).filteredOn(PatchDatabasesProcessTest::backupWritten).hasSize(3)
                .allMatch(e -> e.host().equals(lab.sideA()));
        // The primary found on each attempt stays local to each database's step instance, never in the process scope.
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName(PatchDatabaseVariables.PRE_PATCH_BACKUP_SERVER.name()).list()).hasSize(3)
                .allMatch(v -> !run.getId().equals(v.getActivityInstanceId()) && lab.sideA().equals(v.getValue()));

        List<LedgerEntry> before = List.copyOf(lab.lab().ledger());
        ProcessInstance again = start("BackUpDatabasesBeforePatch", lab, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(again).isEnded().hasPassed("EndEvent_DatabasesBackedUp");
        assertThat(lab.lab().ledger()).isEqualTo(before);
        assertThat(historicVariable(again, PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name())).isEqualTo(set.toJson());
    }

    private long activityCount(ProcessInstance run, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(run.getId()).activityId(activityId).count();
    }

    @Test
    void aBackupThatFailsVerificationGoesToTheDbasAndIsTakenAgainOnTheNewPrimaryAfterAFailover() {
        EarlierSteps lab = joined("pre-patch-backup-damaged-once");
        ProcessInstance run = start("BackUpDatabasesBeforePatch", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey("Task_LookIntoBackupVerification").hasCandidateGroup("dbas");
        String report = runtime.getVariable(task.getExecutionId(), PatchDatabaseVariables.PRE_PATCH_BACKUP_REPORT.name()).toString();
        assertThat(report).contains("eGMasterDB").contains("VERIFY DATABASE is terminating abnormally")
                .doesNotContain("eGActiveDB");
        // While the DBA looks, the group fails over: the backups taken again go to the new primary.
        lab.lab().sql().failover(lab.sideB(), AG);
        driver.complete(task, Map.of(PatchDatabaseVariables.TAKE_BACKUPS_AGAIN.name(), true));
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("EndEvent_DatabasesBackedUp").hasNotPassed("EndEvent_BackupNotVerified");
        PrePatchBackupSet set = PrePatchBackupSet.parse(historicVariable(run, PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name()));
        assertThat(set.backups()).allMatch(b -> b.server().equals(lab.sideB()) && b.copyServer().equals(lab.sideA()));
        assertThat(lab.lab().ledger()).filteredOn(PatchDatabasesProcessTest::backupWritten)
                .filteredOn(e -> e.host().equals(lab.sideB())).hasSize(3);
        assertThat(lab.lab().sql().verifyBackup(lab.sideB(), set.of("eGMasterDB").file(), 1).valid()).isTrue();
    }

    @Test
    void aFailedBackupJobGoesToTheDbasWithItsMessageAndIsStartedAgain() {
        EarlierSteps lab = joined("pre-patch-backup-job-fails-once");
        ProcessInstance run = start("BackUpDatabasesBeforePatch", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey("Task_LookIntoBackupVerification");
        assertThat(runtime.getVariable(task.getExecutionId(), PatchDatabaseVariables.PRE_PATCH_BACKUP_REPORT.name()).toString())
                .contains("eGMasterDB").contains("failed").contains("not enough space on the disk");
        driver.complete(task, Map.of(PatchDatabaseVariables.TAKE_BACKUPS_AGAIN.name(), true));
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("EndEvent_DatabasesBackedUp");
        // eGActiveDB was done before the failure: taken again, it is left alone.
        assertThat(lab.lab().ledger()).filteredOn(PatchDatabasesProcessTest::backupWritten)
                .filteredOn(e -> e.after().contains("eGActiveDB")).hasSize(1);
    }

    @Test
    void aBackupThatRunsTooLongGoesToTheDbasAndTheWaitGoesOn() {
        EarlierSteps lab = joined("pre-patch-backup-held-up");
        ProcessInstance run = start("BackUpDatabasesBeforePatch", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey("Task_LookIntoSlowBackup").hasCandidateGroup("dbas");
        assertThat(runtime.getVariable(task.getExecutionId(), "pollCount")).isEqualTo(3);
        assertThat(runtime.getVariable(task.getExecutionId(), PatchDatabaseVariables.PRE_PATCH_DATABASE.name())).isEqualTo("eGActiveDB");
        assertThat(runtime.getVariable(task.getExecutionId(), PatchDatabaseVariables.PRE_PATCH_PROGRESS.name()).toString())
                .contains("ECE runbook: BACKUP eGActiveDB").contains("is running");
        driver.complete(task, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(onlyTask(lab.key())).hasDefinitionKey("Task_LookIntoSlowBackup");
        assertThat(activityCount(run, "Task_LookIntoSlowBackup")).isEqualTo(2);
        assertThat(activityCount(run, "Task_StartPrePatchBackup")).isEqualTo(1);
        runtime.deleteProcessInstance(run.getId(), "test finished");
    }

    @Test
    void theDbasGiveUpOnABackupThatNeverVerifies() {
        EarlierSteps lab = joined("pre-patch-backup-always-damaged");
        ProcessInstance run = start("BackUpDatabasesBeforePatch", lab, Map.of());
        driver.runUntilIdle(lab.key());

        driver.complete(onlyTask(lab.key()), Map.of(PatchDatabaseVariables.TAKE_BACKUPS_AGAIN.name(), false));
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("EndEvent_BackupNotVerified").hasNotPassed("Task_RecordPrePatchBackupSet");
        assertThat(historicVariable(run, PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name())).isNull();
    }

    /**
     * The contract with the patch process: a call activity with {@code camunda:out variables="all"} gets
     * prePatchBackupSet, and a boundary event on BackupNotVerified catches the DBAs' giving up.
     */
    private static final String CALLER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_TestCaller" targetNamespace="test">
              <bpmn:error id="Error_BackupNotVerified" name="Pre-patch backup not verified" errorCode="BackupNotVerified" />
              <bpmn:process id="TestCallerOfPrePatchBackup" name="Test caller" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="ToCall" sourceRef="Start" targetRef="CallBackup" />
                <bpmn:callActivity id="CallBackup" name="Back up" calledElement="BackUpDatabasesBeforePatch">
                  <bpmn:extensionElements><camunda:in businessKey="#{execution.processBusinessKey}" />
                    <camunda:in variables="all" /><camunda:out variables="all" /></bpmn:extensionElements>
                </bpmn:callActivity>
                <bpmn:boundaryEvent id="NotVerified" attachedToRef="CallBackup">
                  <bpmn:errorEventDefinition errorRef="Error_BackupNotVerified" />
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="ToBackedUp" sourceRef="CallBackup" targetRef="BackedUp" />
                <bpmn:userTask id="BackedUp" name="Backed up" camunda:candidateGroups="operators" />
                <bpmn:sequenceFlow id="ToNoBackup" sourceRef="NotVerified" targetRef="NoBackup" />
                <bpmn:userTask id="NoBackup" name="No backup" camunda:candidateGroups="operators" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private void deployCaller() {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("TestCallerOfPrePatchBackup").count() == 0) {
            engine.getRepositoryService().createDeployment().addString("TestCallerOfPrePatchBackup.bpmn", CALLER.strip()).deploy();
        }
    }

    @Test
    void theCallerGetsTheBackupSetOrCatchesBackupNotVerified() {
        deployCaller();
        EarlierSteps good = joined(null);
        ProcessInstance caller = start("TestCallerOfPrePatchBackup", good, Map.of());
        driver.runUntilIdle(good.key());
        Task backedUp = onlyTask(good.key());
        assertThat(backedUp.getTaskDefinitionKey()).isEqualTo("BackedUp");
        assertThat(PrePatchBackupSet.parse(runtime.getVariable(caller.getId(), PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name()))
                .backups()).hasSize(3);
        assertThat(runtime.getVariables(caller.getId())).doesNotContainKeys(PatchDatabaseVariables.PRE_PATCH_BACKUP_SERVER.name(),
                PatchDatabaseVariables.PRE_PATCH_JOB_STATE.name(), PatchDatabaseVariables.PRE_PATCH_BACKUP_ENTRIES.name(), "pollCount");
        runtime.deleteProcessInstance(caller.getId(), "test finished");

        EarlierSteps damaged = joined("pre-patch-backup-always-damaged");
        ProcessInstance caught = start("TestCallerOfPrePatchBackup", damaged, Map.of());
        driver.runUntilIdle(damaged.key());
        driver.complete(onlyTask(damaged.key()), Map.of(PatchDatabaseVariables.TAKE_BACKUPS_AGAIN.name(), false));
        driver.runUntilIdle(damaged.key());
        assertThat(onlyTask(damaged.key()).getTaskDefinitionKey()).isEqualTo("NoBackup");
        runtime.deleteProcessInstance(caught.getId(), "test finished");
    }

    private static boolean restored(LedgerEntry e) {
        return e.after().contains("(restored WITH REPLACE from") && e.after().startsWith("ONLINE");
    }

    private void rolledBackWithPrePatchContent(EarlierSteps lab, String primary) {
        AvailabilityGroupState group = lab.lab().sql().readAvailabilityGroup(primary, AG);
        assertThat(group.healthy()).isTrue();
        assertThat(group.primary()).isEqualTo(primary);
        for (String db : ECE_DATABASES) {
            assertThat(group.databases()).filteredOn(d -> d.database().equals(db)).hasSize(2)
                    .allMatch(d -> "SYNCHRONIZED".equals(d.synchronizationState()) && "HEALTHY".equals(d.health()));
            assertThat(lab.lab().databaseSchemaVersion(lab.sideA(), db)).contains("base");
            assertThat(lab.lab().databaseSchemaVersion(lab.sideB(), db)).contains("base");
        }
    }

    @Test
    void theRollbackBringsBackThePrePatchContentAndASecondRollbackWithTheSameSetRestoresAgain() {
        EarlierSteps lab = joined(null);
        String set = backedUp(lab);
        lab.lab().handwork().upgradeEceDatabases("ES5");
        for (String db : ECE_DATABASES) {
            assertThat(lab.lab().databaseSchemaVersion(lab.sideA(), db)).contains("ES5");
            assertThat(lab.lab().databaseSchemaVersion(lab.sideB(), db)).contains("ES5");
        }

        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name(), set));
        driver.runUntilIdle(lab.key());

        assertThat(rollback).isEnded().hasPassed("Task_CheckPrePatchBackups", "Task_RemoveDatabasesFromGroup",
                "Task_StartPrePatchRestore", "Timer_RestoreWaitBeforeChecking", "Task_CheckPrePatchRestore",
                "EndEvent_DatabaseRestored", "Gateway_DatabasesRestored", "CallActivity_ReseedSecondaryReplica",
                "EndEvent_DatabasesRolledBack").hasNotPassed("Task_LookIntoRollbackRestore");
        assertThat(activityCount(rollback, "Task_StartPrePatchRestore")).isEqualTo(3);
        rolledBackWithPrePatchContent(lab, lab.sideA());
        assertThat(lab.lab().ledger()).filteredOn(PatchDatabasesProcessTest::restored).filteredOn(e -> e.host().equals(lab.sideA()))
                .hasSize(3).allMatch(e -> e.after().contains("schema base"));
        assertThat(lab.lab().ledger()).filteredOn(e -> e.what().startsWith("job ECE runbook: RESTORE")).hasSize(3);
        assertThat(lab.lab().ledger()).filteredOn(e -> e.operation().equals("replaceSecondaryCopy"))
                .hasSize(3).allMatch(e -> e.host().equals(lab.sideB()));
        // The re-seed wrote backups of its own instead of finding the installation's.
        assertThat(lab.lab().ledger()).filteredOn(e -> e.operation().equals("backupLog"))
                .anyMatch(e -> e.after().contains("_Reseed_" + startedAt(lab) + "_" + rollback.getId().replace("-", "").substring(0, 8) + ".trn"));

        // Patched again and rolled back again with the same backup set: the restores run again (the history's
        // restore from that file is older than this rollback), and the databases are at their pre-patch state again.
        lab.lab().handwork().upgradeEceDatabases("ES6");
        ProcessInstance again = start("RestoreDatabasesBeforePatch", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name(), set));
        driver.runUntilIdle(lab.key());
        assertThat(again).isEnded().hasPassed("EndEvent_DatabasesRolledBack");
        assertThat(lab.lab().ledger()).filteredOn(PatchDatabasesProcessTest::restored).filteredOn(e -> e.host().equals(lab.sideA()))
                .hasSize(6);
        rolledBackWithPrePatchContent(lab, lab.sideA());
    }

    @Test
    void afterAFailoverTheRollbackRestoresOnTheNewPrimaryFromItsOwnCopyAndSeedsTheOldOne() {
        EarlierSteps lab = joined(null);
        String set = backedUp(lab);
        lab.lab().handwork().upgradeEceDatabases("ES5");
        lab.lab().sql().failover(lab.sideB(), AG);

        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name(), set));
        driver.runUntilIdle(lab.key());

        assertThat(rollback).isEnded().hasPassed("EndEvent_DatabasesRolledBack");
        assertThat(historicVariable(rollback, PatchDatabaseVariables.ROLLBACK_PRIMARY.name())).isEqualTo(lab.sideB());
        assertThat(lab.lab().ledger()).filteredOn(PatchDatabasesProcessTest::restored).filteredOn(e -> e.host().equals(lab.sideB()))
                .hasSize(3).allMatch(e -> e.after().contains("from " + lab.sideA() + "/"));
        // No admin share: the new primary read the copy on its own disk.
        assertThat(lab.lab().sql().lastRestore(lab.sideB(), "eGActiveDB")).hasValueSatisfying(r ->
                assertThat(r.path()).startsWith("F:\\"));
        assertThat(lab.lab().ledger()).filteredOn(e -> e.operation().equals("replaceSecondaryCopy"))
                .hasSize(3).allMatch(e -> e.host().equals(lab.sideA()));
        rolledBackWithPrePatchContent(lab, lab.sideB());
    }

    private PrePatchBackupSet pointingElsewhere(PrePatchBackupSet taken, String database, String moved) {
        PrePatchBackupSet.Backup backup = taken.of(database);
        return new PrePatchBackupSet(taken.backups().stream()
                .map(b -> b == backup ? new PrePatchBackupSet.Backup(b.database(), b.server(), moved, b.finishedAt(),
                        b.firstLsn(), b.lastLsn(), b.position()) : b).toList());
    }

    private String report(Task task) {
        return runtime.getVariable(task.getExecutionId(), PatchDatabaseVariables.PRE_PATCH_BACKUP_REPORT.name()).toString();
    }

    @Test
    void anUnreadableBackupStopsTheRollbackBeforeAnyDatabaseLeavesTheGroupAndTheDbaGivesTheRightPath() {
        EarlierSteps lab = joined(null);
        PrePatchBackupSet taken = PrePatchBackupSet.parse(backedUp(lab));
        String moved = "F:\\MSSQL\\Backups\\eGMasterDB_elsewhere.bak";
        lab.lab().handwork().upgradeEceDatabases("ES5");

        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab,
                Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name(), pointingElsewhere(taken, "eGMasterDB", moved).toJson()));
        driver.runUntilIdle(lab.key());

        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey("Task_LookIntoRollbackRestore").hasCandidateGroup("dbas");
        assertThat(report(task)).contains(moved).contains("Cannot open backup device");
        assertThat(lab.lab().ledger()).noneMatch(e -> e.operation().equals("removeDatabaseFromAvailabilityGroup"));
        assertThat(lab.lab().sql().readAvailabilityGroup(lab.sideA(), AG).databases())
                .filteredOn(d -> ECE_DATABASES.contains(d.database())).hasSize(6);

        // A line that is not <database>=<path> comes back with the reason, and nothing is applied.
        driver.complete(task, Map.of(PatchDatabaseVariables.ROLLBACK_DECISION.name(), "checkAgain",
                PatchDatabaseVariables.CORRECTED_BACKUP_FILES.name(), "eGMasterDB " + taken.of("eGMasterDB").file()));
        driver.runUntilIdle(lab.key());
        task = onlyTask(lab.key());
        assertThat(report(task)).contains("line 1").contains("is not <database>=<path>");

        // The DBA names where the backup really is; the header check finds the recorded set there.
        driver.complete(task, Map.of(PatchDatabaseVariables.ROLLBACK_DECISION.name(), "checkAgain",
                PatchDatabaseVariables.CORRECTED_BACKUP_FILES.name(), "eGMasterDB=" + taken.of("eGMasterDB").file()));
        driver.runUntilIdle(lab.key());
        assertThat(rollback).isEnded().hasPassed("EndEvent_DatabasesRolledBack");
        assertThat(PrePatchBackupSet.parse(historicVariable(rollback, PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name()))
                .of("eGMasterDB").file()).isEqualTo(taken.of("eGMasterDB").file());
        assertThat(lab.lab().databaseSchemaVersion(lab.sideB(), "eGMasterDB")).contains("base");
    }

    @Test
    void aBackupFileSwappedForAnotherBackupIsRefusedAndTheDbasGiveUpTheRollback() {
        EarlierSteps lab = joined(null);
        PrePatchBackupSet taken = PrePatchBackupSet.parse(backedUp(lab));
        lab.lab().handwork().upgradeEceDatabases("ES5");
        // A DBA overwrites the pre-patch file with a backup taken after the patch (same database, readable).
        String file = taken.of("eGActiveDB").file();
        lab.lab().sql().backupDatabase(lab.sideA(), "eGActiveDB", "F:\\MSSQL\\Backups\\eGActiveDB_AfterPatch.bak", false);
        lab.lab().windows().copyFile(lab.sideA(), "F:\\MSSQL\\Backups\\eGActiveDB_AfterPatch.bak", lab.sideA(), file);

        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name(), taken.toJson()));
        driver.runUntilIdle(lab.key());

        Task task = onlyTask(lab.key());
        assertThat(report(task)).contains("eGActiveDB").contains("is not the recorded pre-patch backup").contains("differ from the recorded");
        assertThat(lab.lab().ledger()).noneMatch(e -> e.operation().equals("removeDatabaseFromAvailabilityGroup"));
        driver.complete(task, Map.of(PatchDatabaseVariables.ROLLBACK_DECISION.name(), "giveUp"));
        driver.runUntilIdle(lab.key());

        assertThat(rollback).isEnded().hasPassed("EndEvent_RollbackRestoreFailed").hasNotPassed("Task_RemoveDatabasesFromGroup");
        assertThat(lab.lab().databaseSchemaVersion(lab.sideA(), "eGActiveDB")).contains("ES5");
    }

    /** The rollback's contract with its caller: giving up is the BPMN error RollbackRestoreFailed, caught on the call. */
    private static final String ROLLBACK_CALLER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_TestRollbackCaller" targetNamespace="test">
              <bpmn:error id="Error_RollbackRestoreFailed" name="Rollback restore failed" errorCode="RollbackRestoreFailed" />
              <bpmn:process id="TestCallerOfRollbackRestore" name="Test caller" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="ToCall" sourceRef="Start" targetRef="CallRestore" />
                <bpmn:callActivity id="CallRestore" name="Restore" calledElement="RestoreDatabasesBeforePatch">
                  <bpmn:extensionElements><camunda:in businessKey="#{execution.processBusinessKey}" />
                    <camunda:in variables="all" /><camunda:out variables="all" /></bpmn:extensionElements>
                </bpmn:callActivity>
                <bpmn:boundaryEvent id="GivenUp" attachedToRef="CallRestore">
                  <bpmn:errorEventDefinition errorRef="Error_RollbackRestoreFailed" />
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="ToRestored" sourceRef="CallRestore" targetRef="Restored" />
                <bpmn:userTask id="Restored" name="Restored" camunda:candidateGroups="operators" />
                <bpmn:sequenceFlow id="ToNotRestored" sourceRef="GivenUp" targetRef="NotRestored" />
                <bpmn:userTask id="NotRestored" name="Not restored" camunda:candidateGroups="operators" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Test
    void theCallerCatchesRollbackRestoreFailedWhenTheDbasGiveUp() {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("TestCallerOfRollbackRestore").count() == 0) {
            engine.getRepositoryService().createDeployment().addString("TestCallerOfRollbackRestore.bpmn", ROLLBACK_CALLER.strip()).deploy();
        }
        EarlierSteps lab = joined(null);
        PrePatchBackupSet taken = PrePatchBackupSet.parse(backedUp(lab));
        // A decision left in the caller from an earlier rollback does not answer this rollback's task.
        ProcessInstance caller = start("TestCallerOfRollbackRestore", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name(),
                pointingElsewhere(taken, "eGReportsDB", "F:\\MSSQL\\Backups\\gone.bak").toJson(),
                PatchDatabaseVariables.ROLLBACK_DECISION.name(), "giveUp"));
        driver.runUntilIdle(lab.key());
        assertThat(onlyTask(lab.key()).getTaskDefinitionKey()).isEqualTo("Task_LookIntoRollbackRestore");
        assertThat(runtime.getVariable(onlyTask(lab.key()).getExecutionId(), PatchDatabaseVariables.ROLLBACK_DECISION.name())).isNull();
        driver.complete(onlyTask(lab.key()), Map.of(PatchDatabaseVariables.ROLLBACK_DECISION.name(), "giveUp"));
        driver.runUntilIdle(lab.key());
        assertThat(onlyTask(lab.key()).getTaskDefinitionKey()).isEqualTo("NotRestored");
        runtime.deleteProcessInstance(caller.getId(), "test finished");
    }

    @Test
    void aRestoreThatCannotGetExclusiveUseGoesToTheDbasAndCheckingAgainRestoresOnlyWhatIsLeft() {
        EarlierSteps lab = joined("rollback-restore-in-use-once");
        String set = backedUp(lab);
        lab.lab().handwork().upgradeEceDatabases("ES5");

        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name(), set));
        driver.runUntilIdle(lab.key());

        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey("Task_LookIntoRollbackRestore");
        assertThat(report(task)).contains("eGMasterDB").contains("Msg 3101").contains("Exclusive access could not be obtained");
        driver.complete(task, Map.of(PatchDatabaseVariables.ROLLBACK_DECISION.name(), "checkAgain"));
        driver.runUntilIdle(lab.key());

        assertThat(rollback).isEnded().hasPassed("EndEvent_DatabasesRolledBack");
        assertThat(lab.lab().ledger()).filteredOn(PatchDatabasesProcessTest::restored).filteredOn(e -> e.host().equals(lab.sideA()))
                .hasSize(3).filteredOn(e -> e.what().contains("eGActiveDB")).hasSize(1);
        rolledBackWithPrePatchContent(lab, lab.sideA());
    }

    @Test
    void aRestoreByHandIsCheckedByTheMachineBeforeTheRollbackGoesOn() {
        EarlierSteps lab = joined(null);
        PrePatchBackupSet taken = PrePatchBackupSet.parse(backedUp(lab));
        String moved = "F:\\MSSQL\\Backups\\eGMasterDB_elsewhere.bak";
        lab.lab().handwork().upgradeEceDatabases("ES5");
        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab,
                Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name(), pointingElsewhere(taken, "eGMasterDB", moved).toJson()));
        driver.runUntilIdle(lab.key());

        // Said but not done: the machine finds the databases unrestored and the task comes back.
        driver.complete(onlyTask(lab.key()), Map.of(PatchDatabaseVariables.ROLLBACK_DECISION.name(), "restoredByHand"));
        driver.runUntilIdle(lab.key());
        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey("Task_LookIntoRollbackRestore");
        assertThat(report(task)).contains("Not restored as recorded").contains("eGActiveDB");
        assertThat(rollback).hasPassed("Task_VerifyRestoredByHand");

        // The DBA does it by hand: out of the group, each database restored from its pre-patch file.
        for (String db : ECE_DATABASES) {
            PrePatchBackupSet.Backup backup = taken.of(db);
            lab.lab().sql().removeDatabaseFromAvailabilityGroup(lab.sideA(), AG, db);
            lab.lab().sql().startRestoreBeforePatch(lab.sideA(), new com.eceops.runbook.technology.sql.PrePatchRestore(db, backup.file(),
                    1, backup.firstLsn(), backup.lastLsn(), backup.server()));
            lab.lab().sql().readDetachedRun(lab.sideA(), com.eceops.runbook.technology.sql.DetachedJobs.restoreBeforePatch(db, backup.file()), backup.file());
        }
        driver.complete(task, Map.of(PatchDatabaseVariables.ROLLBACK_DECISION.name(), "restoredByHand"));
        driver.runUntilIdle(lab.key());

        assertThat(rollback).isEnded().hasPassed("Gateway_DatabasesRestored", "EndEvent_DatabasesRolledBack")
                .hasNotPassed("Task_RemoveDatabasesFromGroup", "Task_StartPrePatchRestore");
        rolledBackWithPrePatchContent(lab, lab.sideA());
    }

    @Test
    void aRestoreThatRunsTooLongGoesToTheDbasAndTheWaitGoesOn() {
        EarlierSteps lab = joined("rollback-restore-held-up");
        String set = backedUp(lab);
        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name(), set));
        driver.runUntilIdle(lab.key());

        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey("Task_LookIntoSlowRestore").hasCandidateGroup("dbas");
        assertThat(runtime.getVariable(task.getExecutionId(), "pollCount")).isEqualTo(3);
        assertThat(runtime.getVariable(task.getExecutionId(), PatchDatabaseVariables.PRE_PATCH_PROGRESS.name()).toString())
                .contains("ECE runbook: RESTORE eGActiveDB");
        driver.complete(task, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(onlyTask(lab.key())).hasDefinitionKey("Task_LookIntoSlowRestore");
        assertThat(activityCount(rollback, "Task_LookIntoSlowRestore")).isEqualTo(2);
        runtime.deleteProcessInstance(rollback.getId(), "test finished");
    }

    @Test
    void aRollbackWithoutABackupSetStopsWithAClearIncidentAndChangesNothing() {
        EarlierSteps lab = joined(null);
        List<LedgerEntry> before = List.copyOf(lab.lab().ledger());
        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.name(), "[{]"));
        driver.runUntilIdle(lab.key());

        Incident incident = runtime.createIncidentQuery().processInstanceId(rollback.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_CheckPrePatchBackups");
        assertThat(incident.getIncidentMessage()).contains("prePatchBackupSet is not the JSON list");
        assertThat(lab.lab().ledger()).isEqualTo(before);
        runtime.deleteProcessInstance(rollback.getId(), "test finished");
    }
}
