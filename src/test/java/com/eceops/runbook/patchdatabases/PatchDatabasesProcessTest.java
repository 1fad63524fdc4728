package com.eceops.runbook.patchdatabases;

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
import com.eceops.runbook.sql.AvailabilityGroupState;

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
        return historicVariable(backup, PatchDatabaseVariables.PRE_PATCH_BACKUP_SET).toString();
    }

    private String startedAt(EarlierSteps lab) {
        return lab.key().substring(lab.key().lastIndexOf(".rehearsal.") + ".rehearsal.".length());
    }

    @Test
    void thePrePatchBackupIsTakenOnThePrimaryVerifiedAndRecordedAndARerunChangesNothing() {
        EarlierSteps lab = joined(null);
        ProcessInstance run = start("BackUpDatabasesBeforePatch", lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("Task_BackUpDatabasesBeforePatch", "Task_VerifyPrePatchBackups",
                "Task_RecordPrePatchBackupSet", "EndEvent_DatabasesBackedUp").hasNotPassed("Task_LookIntoBackupVerification");
        PrePatchBackupSet set = PrePatchBackupSet.parse(historicVariable(run, PatchDatabaseVariables.PRE_PATCH_BACKUP_SET));
        assertThat(set.backups()).extracting(PrePatchBackupSet.Backup::database).containsExactlyElementsOf(ECE_DATABASES);
        for (PrePatchBackupSet.Backup backup : set.backups()) {
            assertThat(backup.server()).isEqualTo(lab.sideA());
            assertThat(backup.file()).isEqualTo("F:\\MSSQL\\Backups\\" + backup.database() + "_PrePatch_" + startedAt(lab) + ".bak");
            assertThat(backup.finishedAt()).isNotNull();
            assertThat(backup.position()).isEqualTo(1);
            assertThat(lab.lab().sql().verifyBackup(lab.sideA(), backup.file()).valid()).isTrue();
        }
        assertThat(lab.lab().ledger()).filteredOn(e -> e.operation().equals("backupDatabaseBeforePatch")
                && e.what().startsWith("last full backup")).hasSize(3).allMatch(e -> e.host().equals(lab.sideA()));

        List<LedgerEntry> before = List.copyOf(lab.lab().ledger());
        ProcessInstance again = start("BackUpDatabasesBeforePatch", lab, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(again).isEnded().hasPassed("EndEvent_DatabasesBackedUp");
        assertThat(lab.lab().ledger()).isEqualTo(before);
        assertThat(historicVariable(again, PatchDatabaseVariables.PRE_PATCH_BACKUP_SET)).isEqualTo(set.toJson());
    }

    @Test
    void aBackupThatFailsVerificationGoesToTheDbasAndIsTakenAgain() {
        EarlierSteps lab = joined("pre-patch-backup-damaged-once");
        ProcessInstance run = start("BackUpDatabasesBeforePatch", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey("Task_LookIntoBackupVerification").hasCandidateGroup("dbas");
        String report = runtime.getVariable(task.getExecutionId(), PatchDatabaseVariables.PRE_PATCH_BACKUP_REPORT).toString();
        assertThat(report).contains("eGMasterDB").contains("VERIFY DATABASE is terminating abnormally")
                .doesNotContain("eGActiveDB");
        driver.complete(task, Map.of(PatchDatabaseVariables.TAKE_BACKUPS_AGAIN, true));
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("EndEvent_DatabasesBackedUp").hasNotPassed("EndEvent_BackupNotVerified");
        // Only the damaged file was written again, over itself.
        assertThat(lab.lab().ledger()).filteredOn(e -> e.operation().equals("backupDatabaseBeforePatch")
                && e.what().startsWith("last full backup")).hasSize(4).filteredOn(e -> e.what().contains("eGMasterDB")).hasSize(2);
        PrePatchBackupSet set = PrePatchBackupSet.parse(historicVariable(run, PatchDatabaseVariables.PRE_PATCH_BACKUP_SET));
        assertThat(lab.lab().sql().verifyBackup(lab.sideA(), set.of("eGMasterDB").file()).valid()).isTrue();
    }

    @Test
    void theDbasGiveUpOnABackupThatNeverVerifies() {
        EarlierSteps lab = joined("pre-patch-backup-always-damaged");
        ProcessInstance run = start("BackUpDatabasesBeforePatch", lab, Map.of());
        driver.runUntilIdle(lab.key());

        driver.complete(onlyTask(lab.key()), Map.of(PatchDatabaseVariables.TAKE_BACKUPS_AGAIN, false));
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("EndEvent_BackupNotVerified").hasNotPassed("Task_RecordPrePatchBackupSet");
        assertThat(historicVariable(run, PatchDatabaseVariables.PRE_PATCH_BACKUP_SET)).isNull();
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
        assertThat(PrePatchBackupSet.parse(runtime.getVariable(caller.getId(), PatchDatabaseVariables.PRE_PATCH_BACKUP_SET))
                .backups()).hasSize(3);
        runtime.deleteProcessInstance(caller.getId(), "test finished");

        EarlierSteps damaged = joined("pre-patch-backup-always-damaged");
        ProcessInstance caught = start("TestCallerOfPrePatchBackup", damaged, Map.of());
        driver.runUntilIdle(damaged.key());
        driver.complete(onlyTask(damaged.key()), Map.of(PatchDatabaseVariables.TAKE_BACKUPS_AGAIN, false));
        driver.runUntilIdle(damaged.key());
        assertThat(onlyTask(damaged.key()).getTaskDefinitionKey()).isEqualTo("NoBackup");
        runtime.deleteProcessInstance(caught.getId(), "test finished");
    }

    @Test
    void theRollbackBringsBackThePrePatchContentOnBothReplicasInTheGroupAndARerunChangesNothing() {
        EarlierSteps lab = joined(null);
        String set = backedUp(lab);
        lab.lab().handwork().upgradeEceDatabases("ES5");
        for (String db : ECE_DATABASES) {
            assertThat(lab.lab().databaseSchemaVersion(lab.sideA(), db)).contains("ES5");
            assertThat(lab.lab().databaseSchemaVersion(lab.sideB(), db)).contains("ES5");
        }

        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET, set));
        driver.runUntilIdle(lab.key());

        assertThat(rollback).isEnded().hasPassed("Task_CheckPrePatchBackups", "Task_RemoveDatabasesFromGroup",
                "Task_RestorePrePatchBackups", "CallActivity_ReseedSecondaryReplica", "EndEvent_DatabasesRolledBack");
        AvailabilityGroupState group = lab.lab().sql().readAvailabilityGroup(lab.sideA(), AG);
        assertThat(group.healthy()).isTrue();
        assertThat(group.primary()).isEqualTo(lab.sideA());
        for (String db : ECE_DATABASES) {
            assertThat(group.databases()).filteredOn(d -> d.database().equals(db)).hasSize(2)
                    .allMatch(d -> "SYNCHRONIZED".equals(d.synchronizationState()) && "HEALTHY".equals(d.health()));
            assertThat(lab.lab().databaseSchemaVersion(lab.sideA(), db)).contains("base");
            assertThat(lab.lab().databaseSchemaVersion(lab.sideB(), db)).contains("base");
        }
        assertThat(lab.lab().ledger()).filteredOn(e -> e.operation().equals("restoreDatabaseBeforePatch"))
                .hasSize(3).allMatch(e -> e.host().equals(lab.sideA()) && e.after().contains("schema base"));
        assertThat(lab.lab().ledger()).filteredOn(e -> e.operation().equals("replaceSecondaryCopy"))
                .hasSize(3).allMatch(e -> e.host().equals(lab.sideB()));
        // The re-seed wrote backups of its own instead of finding the installation's.
        assertThat(lab.lab().ledger()).filteredOn(e -> e.operation().equals("backupLog"))
                .anyMatch(e -> e.after().contains("_Reseed_" + startedAt(lab) + ".trn"));

        List<LedgerEntry> before = List.copyOf(lab.lab().ledger());
        ProcessInstance again = start("RestoreDatabasesBeforePatch", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET, set));
        driver.runUntilIdle(lab.key());
        assertThat(again).isEnded().hasPassed("EndEvent_DatabasesRolledBack");
        assertThat(lab.lab().ledger()).isEqualTo(before);
    }

    @Test
    void afterAFailoverTheRollbackRestoresOnTheNewPrimaryFromTheOtherServersDiskAndSeedsTheOldOne() {
        EarlierSteps lab = joined(null);
        String set = backedUp(lab);
        lab.lab().handwork().upgradeEceDatabases("ES5");
        lab.lab().sql().failover(lab.sideB(), AG);

        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET, set));
        driver.runUntilIdle(lab.key());

        assertThat(rollback).isEnded().hasPassed("EndEvent_DatabasesRolledBack");
        assertThat(historicVariable(rollback, PatchDatabaseVariables.ROLLBACK_PRIMARY)).isEqualTo(lab.sideB());
        assertThat(lab.lab().ledger()).filteredOn(e -> e.operation().equals("restoreDatabaseBeforePatch"))
                .hasSize(3).allMatch(e -> e.host().equals(lab.sideB()) && e.after().contains("from " + lab.sideA() + "/"));
        assertThat(lab.lab().ledger()).filteredOn(e -> e.operation().equals("replaceSecondaryCopy"))
                .hasSize(3).allMatch(e -> e.host().equals(lab.sideA()));
        AvailabilityGroupState group = lab.lab().sql().readAvailabilityGroup(lab.sideB(), AG);
        assertThat(group.healthy()).isTrue();
        assertThat(group.primary()).isEqualTo(lab.sideB());
        for (String db : ECE_DATABASES) {
            assertThat(lab.lab().databaseSchemaVersion(lab.sideA(), db)).contains("base");
            assertThat(lab.lab().databaseSchemaVersion(lab.sideB(), db)).contains("base");
        }
    }

    @Test
    void anUnreadableBackupStopsTheRollbackBeforeAnyDatabaseLeavesTheGroup() {
        EarlierSteps lab = joined(null);
        PrePatchBackupSet taken = PrePatchBackupSet.parse(backedUp(lab));
        String moved = "F:\\MSSQL\\Backups\\eGMasterDB_elsewhere.bak";
        PrePatchBackupSet.Backup master = taken.of("eGMasterDB");
        PrePatchBackupSet pointingElsewhere = new PrePatchBackupSet(taken.backups().stream()
                .map(b -> b == master ? new PrePatchBackupSet.Backup(b.database(), b.server(), moved, b.finishedAt(),
                        b.firstLsn(), b.lastLsn(), b.position()) : b).toList());
        lab.lab().handwork().upgradeEceDatabases("ES5");

        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab,
                Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET, pointingElsewhere.toJson()));
        driver.runUntilIdle(lab.key());

        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey("Task_LookIntoPrePatchBackups").hasCandidateGroup("dbas");
        assertThat(runtime.getVariable(task.getExecutionId(), PatchDatabaseVariables.PRE_PATCH_BACKUP_REPORT).toString())
                .contains(moved).contains("Cannot open backup device");
        assertThat(lab.lab().ledger()).noneMatch(e -> e.operation().equals("removeDatabaseFromAvailabilityGroup"));
        assertThat(lab.lab().sql().readAvailabilityGroup(lab.sideA(), AG).databases())
                .filteredOn(d -> ECE_DATABASES.contains(d.database())).hasSize(6);

        // The DBA puts the file where the set says, and the rollback goes on.
        lab.lab().windows().copyFile(lab.sideA(), master.file(), lab.sideA(), moved);
        driver.complete(task, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(rollback).isEnded().hasPassed("EndEvent_DatabasesRolledBack");
        assertThat(lab.lab().databaseSchemaVersion(lab.sideB(), "eGMasterDB")).contains("base");
    }

    @Test
    void aRollbackWithoutABackupSetStopsWithAClearIncidentAndChangesNothing() {
        EarlierSteps lab = joined(null);
        List<LedgerEntry> before = List.copyOf(lab.lab().ledger());
        ProcessInstance rollback = start("RestoreDatabasesBeforePatch", lab, Map.of(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET, "[{]"));
        driver.runUntilIdle(lab.key());

        Incident incident = runtime.createIncidentQuery().processInstanceId(rollback.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_CheckPrePatchBackups");
        assertThat(incident.getIncidentMessage()).contains("prePatchBackupSet is not the JSON list");
        assertThat(lab.lab().ledger()).isEqualTo(before);
        runtime.deleteProcessInstance(rollback.getId(), "test finished");
    }
}
