package com.eceops.runbook.procedure.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;

/** pre-chk in rehearsal: the machine checks each item; the operator sees the summary. */
class CheckpointProcessTest extends SectionProcessTest {

    @Test
    void aPreparedEstatePassesEveryItemAndTheOperatorConfirms() {
        EarlierSteps lab = prepare(null).features().activeDirectory().directories().dfs().cluster().availabilityGroup();
        ProcessInstance run = start("Checkpoint", lab, Map.of("failoverTestedBy", "dba"));
        driver.runUntilIdle(lab.key());

        Task confirm = onlyTask(lab.key());
        assertThat(confirm).hasDefinitionKey("Task_ConfirmCheckpoint").hasCandidateGroup("operators");
        String summary = runtime.getVariable(run.getId(), "checkpointSummary").toString();
        assertThat(summary).doesNotContain("FAIL").contains("PASS WSFC CC2K125ECEFOC").contains("availability group CC2K125ECEDB");
        int ledger = lab.lab().ledger().size();
        driver.complete(confirm, Map.of());
        assertThat(run).isEnded();
        assertThat(lab.lab().ledger()).hasSize(ledger);
    }

    @Test
    void failedItemsGoToTheOperatorsAndAreCheckedAgain() {
        EarlierSteps lab = prepare(null).features().activeDirectory().directories().dfs();
        ProcessInstance run = start("Checkpoint", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task putRight = onlyTask(lab.key());
        assertThat(putRight).hasDefinitionKey("Task_PutRightCheckpointItems");
        assertThat(runtime.getVariable(run.getId(), "checkpointSummary").toString())
                .contains("FAIL WSFC").contains("FAIL failover tested both ways: no record");

        lab.cluster().availabilityGroup();
        runtime.setVariable(run.getId(), "failoverTestedBy", "dba");
        driver.complete(putRight, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(onlyTask(lab.key())).hasDefinitionKey("Task_ConfirmCheckpoint");
    }
}
