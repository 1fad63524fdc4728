package com.eceops.runbook.procedure.availabilitygroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;

/** pre-6 in rehearsal: AlwaysOn, AGTemp, the group and its listener, health, DDNS TTL and the failover test. */
class AvailabilityGroupProcessTest extends SectionProcessTest {

    private static final String AG = "CC2K125ECEDB";

    private static final String LISTENER_NAME = AG + "_" + AG;

    private EarlierSteps clusterReady() {
        return clusterReady(null);
    }

    private EarlierSteps clusterReady(String scenario) {
        return prepare(scenario).features().activeDirectory().directories().cluster();
    }

    private Object variable(Task task, String name) {
        return runtime.getVariable(task.getExecutionId(), name);
    }

    private long failovers(EarlierSteps lab) {
        return lab.lab().ledger().stream().filter(e -> e.operation().equals("failover")).count();
    }

    /** The DBA confirms having tested failover; the run then ends. */
    private void dbaConfirmsFailoverTested(EarlierSteps lab) {
        Task confirm = onlyTask(lab.key());
        assertThat(confirm).hasDefinitionKey("Task_ConfirmFailoverTested");
        driver.complete(confirm, Map.of("failoverTestedBy", "dba"));
        driver.runUntilIdle(lab.key());
    }

    @Test
    void aSqlServerThatDoesNotComeBackGoesToTheDbasUntilItAnswers() {
        EarlierSteps lab = clusterReady("sql-restart-hangs");
        ProcessInstance run = start("AvailabilityGroup", lab, Map.of());
        driver.runUntilIdle(lab.key());

        List<Task> bringBack = driver.tasks(lab.key());
        assertThat(bringBack).extracting(Task::getTaskDefinitionKey).containsOnly("Task_BringSqlServerBack");
        assertThat(bringBack).extracting(t -> variable(t, "host")).containsExactlyInAnyOrder(lab.sideA(), lab.sideB());
        for (Task task : bringBack) {
            assertThat(task).hasCandidateGroup("dbas");
            assertThat(variable(task, "pollCount")).isEqualTo(3);
            assertThat(variable(task, "sqlServerAnswers")).isEqualTo(false);
        }
        assertThat(lab.lab().sql().isAnswering(lab.sideA())).isFalse();
        assertThat(lab.lab().sql().isAnswering(lab.sideB())).isFalse();
        assertThat(lab.lab().ledger()).noneMatch(e -> e.operation().equals("createHadrEndpoint"));

        // The DBA on side B says done without doing anything: the runbook waits again, then asks again.
        Task onB = bringBack.stream().filter(t -> lab.sideB().equals(variable(t, "host"))).findFirst().orElseThrow();
        driver.complete(onB, Map.of());
        driver.runUntilIdle(lab.key());
        List<Task> again = driver.tasks(lab.key());
        assertThat(again).hasSize(2).extracting(Task::getId).doesNotContain(onB.getId());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId("Task_BringSqlServerBack").count()).isEqualTo(3);

        // The DBAs restart both servers, which brings SQL Server back at once, and say so.
        lab.lab().windows().restart(lab.sideA());
        lab.lab().windows().restart(lab.sideB());
        for (Task task : again) {
            driver.complete(task, Map.of());
        }
        driver.runUntilIdle(lab.key());
        dbaConfirmsFailoverTested(lab);

        assertThat(run).isEnded().hasPassed("Task_RestartSqlService", "Task_BringSqlServerBack", "Task_VerifyAlwaysOn",
                "Task_CreateHadrEndpoint", "Task_CreateAvailabilityGroup");
        assertThat(lab.lab().sql().readFacts(lab.sideA()).hadrEnabled()).isTrue();
        assertThat(lab.lab().sql().readFacts(lab.sideB()).hadrEnabled()).isTrue();
        assertThat(lab.lab().sql().readAvailabilityGroup(lab.sideA(), AG).healthy()).isTrue();
    }

    @Test
    void aGroupThatIsNotHealthyGoesToTheDbasAndIsCheckedAgain() {
        EarlierSteps lab = clusterReady();
        ProcessInstance run = start("AvailabilityGroup", lab, Map.of());
        driver.runUntilJobAt(lab.key(), "Timer_HealthWaitBeforeChecking");
        // While the runbook waits to check the new group, someone takes the listener's network name offline.
        lab.lab().cluster().stopResource(lab.sideA(), LISTENER_NAME);
        driver.runUntilIdle(lab.key());

        Task investigate = onlyTask(lab.key());
        assertThat(investigate).hasDefinitionKey("Task_InvestigateAvailabilityGroup").hasCandidateGroup("dbas");
        assertThat(variable(investigate, "pollCount")).isEqualTo(3);
        assertThat(variable(investigate, "availabilityGroupHealthReport").toString())
                .isEqualTo("the listener's network name " + LISTENER_NAME + " is Offline");
        assertThat(run).hasNotPassed("Task_SetHostRecordTtl");
        assertThat(lab.lab().cluster().readResourceParameter(lab.sideA(), LISTENER_NAME, "HostRecordTTL")).isEqualTo("1200");

        lab.lab().cluster().startResource(lab.sideB(), LISTENER_NAME);
        driver.complete(investigate, Map.of());
        driver.runUntilIdle(lab.key());
        dbaConfirmsFailoverTested(lab);

        assertThat(run).isEnded().hasPassed("Task_SetHostRecordTtl", "Task_RestartAvailabilityGroup");
        assertThat(lab.lab().cluster().readResource(lab.sideA(), LISTENER_NAME).online()).isTrue();
        assertThat(lab.lab().cluster().readResourceParameter(lab.sideA(), LISTENER_NAME, "HostRecordTTL")).isEqualTo("300");
    }

    @Test
    void aGroupThatStaysOfflineAfterItsRestartGoesToTheDbas() {
        EarlierSteps lab = clusterReady("ag-resource-start-held-up");
        ProcessInstance run = start("AvailabilityGroup", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task bringOnline = onlyTask(lab.key());
        assertThat(bringOnline).hasDefinitionKey("Task_BringAvailabilityGroupOnline").hasCandidateGroup("dbas");
        assertThat(variable(bringOnline, "pollCount")).isEqualTo(3);
        assertThat(variable(bringOnline, "availabilityGroupOnlineReport").toString())
                .isEqualTo(AG + " Offline, " + LISTENER_NAME + " Online");
        assertThat(lab.lab().cluster().readResource(lab.sideA(), AG).state()).isEqualTo("Offline");

        lab.lab().cluster().startGroup(lab.sideB(), AG);
        driver.complete(bringOnline, Map.of());
        driver.runUntilIdle(lab.key());
        dbaConfirmsFailoverTested(lab);

        assertThat(run).isEnded().hasPassed("Task_RestartAvailabilityGroup", "Task_BringAvailabilityGroupOnline",
                "Task_CheckAvailabilityGroupOnline");
        assertThat(lab.lab().cluster().readResource(lab.sideA(), AG).online()).isTrue();
        assertThat(lab.lab().ledger()).anyMatch(e -> e.operation().equals("startGroup") && e.host().equals(lab.sideB()));
    }

    @Test
    void aFailoverAfterWhichTheGroupIsNotHealthyGoesToTheDbas() {
        EarlierSteps lab = clusterReady();
        ProcessInstance run = start("AvailabilityGroup", lab, Map.of());
        driver.runUntilIdle(lab.key());
        driver.complete(onlyTask(lab.key()), Map.of("failoverTestedBy", "runbook"));
        driver.runUntilJobAt(lab.key(), "Timer_FailoverWaitBeforeChecking");
        assertThat(lab.lab().sql().readAvailabilityGroup(lab.sideA(), AG).primary()).isEqualTo(lab.sideB());
        // During the first failover the listener's network name does not come online on the new primary.
        lab.lab().cluster().stopResource(lab.sideB(), LISTENER_NAME);
        driver.runUntilIdle(lab.key());

        Task investigate = onlyTask(lab.key());
        assertThat(investigate).hasDefinitionKey("Task_InvestigateFailover").hasCandidateGroup("dbas");
        assertThat(variable(investigate, "pollCount")).isEqualTo(3);
        assertThat(variable(investigate, "availabilityGroupHealthReport").toString()).contains(LISTENER_NAME + " is Offline");
        assertThat(failovers(lab)).isEqualTo(1);

        lab.lab().cluster().startResource(lab.sideB(), LISTENER_NAME);
        driver.complete(investigate, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("Task_InvestigateFailover", "Task_CheckHealthAfterFailover");
        assertThat(failovers(lab)).isEqualTo(2);
        var state = lab.lab().sql().readAvailabilityGroup(lab.sideA(), AG);
        assertThat(state.primary()).isEqualTo(lab.sideA());
        assertThat(state.healthy()).isTrue();
    }

    @Test
    void buildsAHealthyGroupAndTheRunbookFailsOverBothWays() {
        EarlierSteps lab = clusterReady();
        ProcessInstance run = start("AvailabilityGroup", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task confirm = onlyTask(lab.key());
        assertThat(confirm).hasDefinitionKey("Task_ConfirmFailoverTested").hasCandidateGroup("dbas");
        driver.complete(confirm, Map.of("failoverTestedBy", "runbook"));
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("Task_RestartSqlService", "Task_OpenFirewall", "Task_CreateAvailabilityGroup",
                "Task_CreateListener", "Task_CopySeedingBackups", "Task_RestoreOnSecondary", "Task_CheckAvailabilityGroupHealth",
                "Task_RestartAvailabilityGroup", "Task_FailOverAvailabilityGroup", "Task_CheckHealthAfterFailover");
        // The secondary restored AGTemp from its own disk, after the copy: never from the primary's F$ share.
        List<String> seeding = lab.lab().ledger().stream().filter(e -> e.what().contains("AGTemp"))
                .map(e -> e.host() + " " + e.operation() + " " + e.what()).toList();
        assertThat(seeding).anyMatch(e -> e.startsWith(lab.sideB() + " copyFile ") && e.contains("F:\\MSSQL\\Backups\\AGTemp.bak"));
        assertThat(seeding.stream().filter(e -> e.contains("copyFile")).findFirst().map(seeding::indexOf).orElseThrow())
                .isLessThan(seeding.stream().filter(e -> e.startsWith(lab.sideB() + " restoreDatabase")).findFirst()
                        .map(seeding::indexOf).orElseThrow());
        for (String host : List.of(lab.sideA(), lab.sideB())) {
            assertThat(lab.lab().windows().readFirewallRule(host, "EceRunbook-HadrEndpoint").allows(
                    new com.eceops.runbook.technology.windows.FirewallRule("any", "any", 5022))).as(host).isTrue();
            assertThat(lab.lab().windows().readFirewallRule(host, "EceRunbook-AgListener").allows(
                    new com.eceops.runbook.technology.windows.FirewallRule("any", "any", 1433))).as(host).isTrue();
        }
        var sql = lab.lab().sql();
        var state = sql.readAvailabilityGroup(lab.sideA(), AG);
        assertThat(state.healthy()).isTrue();
        assertThat(state.primary()).isEqualTo(lab.sideA());
        assertThat(state.listenerName()).isEqualTo(AG);
        assertThat(lab.lab().cluster().readResourceParameter(lab.sideA(), AG + "_" + AG, "HostRecordTTL")).isEqualTo("300");
        assertThat(lab.lab().ledger().stream().filter(e -> e.operation().equals("failover"))).hasSize(2);
    }

    @Test
    void aDbaWhoTestedFailoverEndsTheSectionAndARerunChangesNothing() {
        EarlierSteps lab = clusterReady();
        ProcessInstance first = start("AvailabilityGroup", lab, Map.of());
        driver.runUntilIdle(lab.key());
        driver.complete(onlyTask(lab.key()), Map.of("failoverTestedBy", "dba"));
        driver.runUntilIdle(lab.key());
        assertThat(first).isEnded().hasNotPassed("SubProcess_FailOverBothWays");
        assertThat(lab.lab().ledger().stream().filter(e -> e.operation().equals("failover"))).hasSize(2);
        int ledger = lab.lab().ledger().size();

        ProcessInstance rerun = start("AvailabilityGroup", lab, Map.of());
        driver.runUntilIdle(lab.key());
        driver.complete(onlyTask(lab.key()), Map.of("failoverTestedBy", "dba"));
        driver.runUntilIdle(lab.key());

        assertThat(rerun).isEnded().hasNotPassed("Task_RestartSqlService", "Task_RestartAvailabilityGroup");
        assertThat(lab.lab().ledger()).hasSize(ledger);
    }
}
