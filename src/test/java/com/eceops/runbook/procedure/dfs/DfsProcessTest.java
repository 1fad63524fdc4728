package com.eceops.runbook.procedure.dfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;

/** pre-4 in rehearsal: namespace, folder, replication group, staging quota and the replication test. */
class DfsProcessTest extends SectionProcessTest {

    private static final String FILE = "E:\\ECEFile\\ReplTest.txt";

    @Test
    void setsUpTheNamespaceAndReplicationAndTheTestPassesAndARerunChangesNothing() {
        EarlierSteps lab = prepare(null).features().activeDirectory().directories();
        ProcessInstance first = start("Dfs", lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(first).isEnded().hasPassed("Task_CreateDomainNamespace", "Task_AddNamespaceServer",
                "Task_CreateDfsFolder", "Task_CreateReplicationGroup", "Task_SetStagingQuota", "EndEvent_DfsReady");
        var group = lab.lab().dfs().readReplicationGroup(lab.sideA(), "ECE");
        assertThat(group.fullMesh()).isTrue();
        assertThat(group.stagingQuotaMbByMember()).containsEntry(lab.sideB(), 4096);
        assertThat(lab.lab().windows().readFile(lab.sideA(), FILE).orElseThrow()).contains("Side A Creation", "Side B Update");
        assertThat(lab.lab().windows().fileExists(lab.sideB(), "E:\\ECEFile\\DFSTest\\ReplTest.txt")).isTrue();
        int ledger = lab.lab().ledger().size();

        ProcessInstance rerun = start("Dfs", lab, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(rerun).isEnded();
        assertThat(lab.lab().ledger()).hasSize(ledger);
    }

    @Test
    void refusesReplicationWhileTheSharedDirectoriesHoldFiles() {
        EarlierSteps lab = prepare(null).features().activeDirectory().directories();
        lab.lab().windows().writeFile(lab.sideB(), "E:\\ECEFile\\leftover.txt", "from an earlier attempt");
        ProcessInstance run = start("Dfs", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task empty = onlyTask(lab.key());
        assertThat(empty).hasDefinitionKey("Task_EmptySharedDirectories").hasCandidateGroup("operators");
        assertThat(runtime.getVariable(run.getId(), "sharedDirectoryFiles").toString()).contains(lab.sideB()).contains("leftover.txt");
        assertThat(lab.lab().dfs().readReplicationGroup(lab.sideA(), "ECE").exists()).isFalse();

        driver.complete(empty, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(run).isEnded();
    }

    @Test
    void aReplicationTestThatTimesOutEscalatesToTheOperators() {
        EarlierSteps lab = prepare("dfs-replication-stuck").features().activeDirectory().directories();
        ProcessInstance run = start("Dfs", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task lookInto = onlyTask(lab.key());
        assertThat(lookInto).hasDefinitionKey("Task_LookIntoReplication");
        assertThat(runtime.getVariable(lookInto.getExecutionId(), "pollCount")).isEqualTo(3);
        assertThat(runtime.getVariable(lookInto.getExecutionId(), "replicationTest").toString()).contains("appears on side B");
        for (int i = 0; i < 5 && !driver.tasks(lab.key()).isEmpty(); i++) {
            driver.complete(onlyTask(lab.key()), Map.of());
            driver.runUntilIdle(lab.key());
        }
        assertThat(run).isEnded();
        assertThat(lab.lab().windows().readFile(lab.sideB(), FILE)).isPresent();
    }
}
