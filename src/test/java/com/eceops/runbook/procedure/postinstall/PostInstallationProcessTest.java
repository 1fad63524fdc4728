package com.eceops.runbook.procedure.postinstall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;
import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.SetupRun;
import com.eceops.runbook.lab.LedgerEntry;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/** post-1 to post-6 in rehearsal: ACL, the Cisco service's first start and stop, backups, restores, join, synchronisation. */
class PostInstallationProcessTest extends SectionProcessTest {

    private static final String AG = "CC2K125ECEDB";
    private static final List<String> ECE_DATABASES = List.of("eGActiveDB", "eGMasterDB", "eGReportsDB");

    /** The lab as inst-1.1 to inst-3 leave it. */
    private EarlierSteps installed(String scenario) {
        EarlierSteps lab = prepare(scenario).features().activeDirectory().directories().dfs().cluster().availabilityGroup();
        var ece = lab.lab().ece();
        Map<String, String> common = Map.of(SetupRun.DFS_PATH, "\\\\massivedynamic.com\\ECE_Root\\ECE",
                SetupRun.AUTHENTICATION, "integrated");
        ece.recordSetupRun(lab.sideA(), new SetupRun(EnumSet.of(EceComponent.FILE_SERVER, EceComponent.DATABASE_SERVER), common));
        var services = EnumSet.of(EceComponent.MESSAGING_SERVER, EceComponent.APPLICATION_SERVER, EceComponent.SERVICES_SERVER);
        Map<String, String> home = Map.of(SetupRun.DFS_PATH, "\\\\massivedynamic.com\\ECE_Root\\ECE", SetupRun.ECE_HOME, "E:\\ECE");
        ece.recordSetupRun(lab.sideA(), new SetupRun(services, home));
        ece.recordSetupRun(lab.sideB(), new SetupRun(services, home));
        return lab;
    }

    private Object variable(Task task, String name) {
        return runtime.getVariable(task.getExecutionId(), name);
    }

    /** How often the run or the processes it called (StartEce, StopEce, SeedSecondaryReplica) passed an activity. */
    private long activityCount(ProcessInstance run, String activityId) {
        return instancesOf(run).stream().mapToLong(id -> history.createHistoricActivityInstanceQuery().processInstanceId(id)
                .activityId(activityId).count()).sum();
    }

    private List<String> instancesOf(ProcessInstance run) {
        List<String> ids = new java.util.ArrayList<>(List.of(run.getId()));
        history.createHistoricProcessInstanceQuery().superProcessInstanceId(run.getId()).list().forEach(i -> ids.add(i.getId()));
        return ids;
    }

    /** The finished activities of the seeding section the run called. */
    private List<String> seedingPassed(ProcessInstance run) {
        var seeding = history.createHistoricProcessInstanceQuery().superProcessInstanceId(run.getId())
                .processDefinitionKey("SeedSecondaryReplica").singleResult();
        return history.createHistoricActivityInstanceQuery().processInstanceId(seeding.getId()).finished().list().stream()
                .map(a -> a.getActivityId()).toList();
    }

    /** The escalation comes after maxPolls checks, and completing it checks again (and escalates again here). */
    private void escalatesAndChecksAgain(EarlierSteps lab, ProcessInstance run, String taskKey, String group, String reportVariable) {
        escalatesAndChecksAgain(lab, run, taskKey, group, reportVariable, 3);
    }

    /** {@code polls}: the test configuration's 3, or for a Cisco service wait 10 times that (the lab's clock barely moves). */
    private void escalatesAndChecksAgain(EarlierSteps lab, ProcessInstance run, String taskKey, String group, String reportVariable,
                                         int polls) {
        driver.runUntilIdle(lab.key());
        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey(taskKey).hasCandidateGroup(group);
        assertThat(variable(task, "pollCount")).isEqualTo(polls);
        assertThat(variable(task, reportVariable)).isNotNull();
        driver.complete(task, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(onlyTask(lab.key())).hasDefinitionKey(taskKey);
        assertThat(activityCount(run, taskKey)).isEqualTo(2);
    }

    /** Tests share one engine: a run left waiting must not show up in another test's queries. */
    private void endWaitingRun(ProcessInstance run) {
        runtime.deleteProcessInstance(run.getId(), "test finished");
    }

    @Test
    void aFreshInstallationGetsItsDatabasesIntoTheGroupAndARerunChangesNothing() {
        EarlierSteps lab = installed(null);
        ProcessInstance run = start("PostInstallation", lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassedInOrder("Task_GrantEceHomeAccess", "CallActivity_StartEce",
                "CallActivity_StopEce", "CallActivity_SeedSecondaryReplica", "EndEvent_DatabasesInAvailabilityGroup");
        assertThat(activityCount(run, "Timer_StartWait")).isPositive();
        assertThat(activityCount(run, "Task_StopCiscoService")).isEqualTo(1);
        assertThat(activityCount(run, "Task_CheckCiscoProcessesGone")).isPositive();
        assertThat(seedingPassed(run)).contains("Task_SetRecoveryModelFull", "Task_BackUpEceDatabases", "Task_CopyBackupFiles",
                "Task_RestoreEceDatabases", "Task_JoinEceDatabases", "EndEvent_SecondaryReplicaSeeded");
        assertThat(activityCount(run, "Task_CheckCiscoProcesses")).isEqualTo(1);
        String account = "MASSIVE\\ECESvc";
        for (String host : List.of(lab.sideA(), lab.sideB())) {
            assertThat(lab.lab().windows().readAccessRules(host, "E:\\ECE"))
                    .anyMatch(r -> r.identity().equalsIgnoreCase(account) && r.rights().contains("FullControl") && !r.deny());
            assertThat(lab.lab().windows().countProcessesRunningAs(host, account)).isZero();
        }
        assertThat(lab.lab().ledger()).anyMatch(e -> e.operation().equals("startService") && e.host().equals(lab.sideB()));
        AvailabilityGroupState group = lab.lab().sql().readAvailabilityGroup(lab.sideA(), AG);
        assertThat(group.healthy()).isTrue();
        for (String db : ECE_DATABASES) {
            assertThat(group.databases()).filteredOn(d -> d.database().equals(db)).hasSize(2)
                    .allMatch(d -> "SYNCHRONIZED".equals(d.synchronizationState()));
        }
        assertThat(group.databases()).noneMatch(d -> d.database().equalsIgnoreCase("SSISDB"));
        assertThat(lab.lab().ledger()).filteredOn(e -> e.host().equals(lab.sideB()) && e.operation().startsWith("restore")
                        && ECE_DATABASES.stream().anyMatch(db -> e.what().contains(db)))
                .hasSize(6);

        List<LedgerEntry> before = List.copyOf(lab.lab().ledger());
        ProcessInstance again = start("PostInstallation", lab, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(again).isEnded().hasPassed("CallActivity_SeedSecondaryReplica").hasNotPassed("CallActivity_StartEce", "CallActivity_StopEce");
        assertThat(activityCount(again, "Task_StopCiscoService")).isZero();
        assertThat(seedingPassed(again)).contains("Task_SetRecoveryModelFull", "Task_JoinEceDatabases");
        assertThat(lab.lab().ledger()).isEqualTo(before);
    }

    @Test
    void theGuardRefusesARestoreOnThePrimaryReplica() {
        EarlierSteps lab = installed(null);
        ProcessInstance run = start("PostInstallation", lab, Map.of());
        driver.runUntilJobAt(lab.key(), "Task_RestoreEceDatabases");
        // While the runbook copies the backups, someone fails the group over: side B is now the primary.
        lab.lab().sql().failover(lab.sideB(), AG);
        driver.runUntilIdle(lab.key());

        Incident incident = instancesOf(run).stream().flatMap(id -> runtime.createIncidentQuery().processInstanceId(id).list().stream())
                .filter(i -> "Task_RestoreEceDatabases".equals(i.getActivityId())).findFirst().orElse(null);
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_RestoreEceDatabases");
        assertThat(incident.getIncidentMessage()).contains("post-4").contains("PRIMARY replica");
        assertThat(lab.lab().ledger()).noneMatch(e -> e.operation().startsWith("restore") && ECE_DATABASES.stream()
                .anyMatch(db -> e.what().contains(db)));
        assertThat(run).isNotEnded();
        endWaitingRun(run);
    }

    @Test
    void processesThatKeepRisingGoToTheOperators() {
        EarlierSteps lab = installed("cisco-start-held-up");
        ProcessInstance run = start("PostInstallation", lab, Map.of());
        escalatesAndChecksAgain(lab, run, "Task_LookIntoCiscoServiceStart", "operators", "ciscoServiceReport",
                3 * CiscoServiceWait.POLL_LIMITS_WITHOUT_TIME);
        assertThat(run).hasNotPassed("CallActivity_StopEce");
        assertThat(activityCount(run, "Task_StopCiscoService")).isZero();
        endWaitingRun(run);
    }

    @Test
    void processesThatDoNotGoAfterTheStopGoToTheOperators() {
        EarlierSteps lab = installed("cisco-stop-held-up");
        ProcessInstance run = start("PostInstallation", lab, Map.of());
        escalatesAndChecksAgain(lab, run, "Task_LookIntoCiscoServiceStop", "operators", "ciscoServiceReport",
                3 * CiscoServiceWait.POLL_LIMITS_WITHOUT_TIME);
        assertThat(run).hasNotPassed("Task_SetRecoveryModelFull");
        endWaitingRun(run);
    }

    @Test
    void databasesThatDoNotSynchronizeGoToTheDbas() {
        EarlierSteps lab = installed("ag-synchronization-held-up");
        ProcessInstance run = start("PostInstallation", lab, Map.of());
        escalatesAndChecksAgain(lab, run, "Task_InvestigateDatabaseSynchronization", "dbas", "eceDatabasesSynchronizationReport");
        assertThat(variable(onlyTask(lab.key()), "eceDatabasesSynchronizationReport").toString()).contains("eGActiveDB");
        endWaitingRun(run);
    }
}
