package com.eceops.runbook.availabilitygroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;

/** pre-6 in rehearsal: AlwaysOn, AGTemp, the group and its listener, health, DDNS TTL and the failover test. */
class AvailabilityGroupProcessTest extends SectionProcessTest {

    private static final String AG = "CC2K125ECEDB";

    private EarlierSteps clusterReady() {
        return prepare(null).features().activeDirectory().directories().cluster();
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

        assertThat(run).isEnded().hasPassed("Task_RestartSqlService", "Task_CreateAvailabilityGroup", "Task_CreateListener",
                "Task_RestoreOnSecondary", "Task_CheckAvailabilityGroupHealth", "Task_RestartAvailabilityGroup",
                "Task_FailOverAvailabilityGroup", "Task_CheckHealthAfterFailover");
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
