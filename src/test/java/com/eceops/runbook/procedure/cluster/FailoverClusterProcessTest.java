package com.eceops.runbook.procedure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;

/** pre-5 in rehearsal: validation, cluster, quorum share, events. */
class FailoverClusterProcessTest extends SectionProcessTest {

    private static final String GOOD_SHARE = EarlierSteps.WITNESS;

    @Test
    void validatesCreatesTheClusterAndConfiguresTheVerifiedWitness() {
        EarlierSteps lab = prepare(null).features().activeDirectory().directories();
        ProcessInstance run = start("FailoverCluster", lab, Map.of());

        driver.runUntilIdle(lab.key());
        Task review = onlyTask(lab.key());
        assertThat(review).hasDefinitionKey("Task_ReviewValidationWarnings").hasCandidateGroup("operators");
        assertThat(runtime.getVariable(run.getId(), "clusterValidationReport").toString())
                .startsWith("0 failures, 2 warnings").contains("single network interface");
        driver.complete(review, Map.of("validationWarningsAccepted", true));
        driver.runUntilIdle(lab.key());

        Task provision = onlyTask(lab.key());
        assertThat(provision).hasDefinitionKey("Task_ProvisionWitnessShare");
        driver.complete(provision, Map.of("witnessSharePath", GOOD_SHARE));
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("Task_CreateCluster", "Task_VerifyWitnessShare",
                "Task_ConfigureFileShareWitness", "Task_ReadClusterEvents", "EndEvent_ClusterReady")
                .hasNotPassed("Task_ReviewClusterEvents");
        var cluster = lab.lab().cluster().readCluster(lab.sideA());
        assertThat(cluster.name()).isEqualTo("CC2K125ECEFOC");
        assertThat(cluster.quorumType()).isEqualTo("NodeAndFileShareMajority");
        assertThat(cluster.witnessPath()).isEqualTo(GOOD_SHARE);
    }

    @Test
    void aValidationWithoutWarningsGoesStraightToTheCluster() {
        EarlierSteps lab = prepare("cluster-validation-clean").features().activeDirectory().directories();
        ProcessInstance run = start("FailoverCluster", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task provision = onlyTask(lab.key());
        assertThat(provision).hasDefinitionKey("Task_ProvisionWitnessShare");
        assertThat(runtime.getVariable(run.getId(), "clusterValidationReport")).isEqualTo("0 failures, 0 warnings");
        assertThat(runtime.getVariable(run.getId(), "validationWarningsToReview")).isEqualTo(false);
        assertThat(lab.lab().cluster().readCluster(lab.sideA()).name()).isEqualTo("CC2K125ECEFOC");
        driver.complete(provision, Map.of("witnessSharePath", GOOD_SHARE));
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("Task_ValidateCluster", "Task_CreateCluster", "Task_ConfigureFileShareWitness")
                .hasNotPassed("Task_ReviewValidationWarnings");
        assertThat(lab.lab().cluster().readCluster(lab.sideA()).witnessPath()).isEqualTo(GOOD_SHARE);
    }

    @Test
    void validationFailuresStopUntilResolvedAndUnacceptedWarningsValidateAgain() {
        EarlierSteps lab = prepare(null).features(SIDE_A_ONLY).activeDirectory().directories();
        lab.lab().windows().installFeatures(lab.sideB(), java.util.List.of("FS-DFS-Namespace", "FS-DFS-Replication"));
        ProcessInstance run = start("FailoverCluster", lab, Map.of());

        driver.runUntilIdle(lab.key());
        Task resolve = onlyTask(lab.key());
        assertThat(resolve).hasDefinitionKey("Task_ResolveValidationFailures");
        assertThat(runtime.getVariable(run.getId(), "clusterValidationFailures").toString())
                .contains(lab.sideB()).contains("Failover Clustering");
        assertThat(lab.lab().cluster().readCluster(lab.sideA()).exists()).isFalse();

        driver.complete(resolve, Map.of());
        driver.runUntilIdle(lab.key());
        Task review = onlyTask(lab.key());
        assertThat(review).hasDefinitionKey("Task_ReviewValidationWarnings");
        driver.complete(review, Map.of("validationWarningsAccepted", false));
        driver.runUntilIdle(lab.key());
        review = onlyTask(lab.key());
        assertThat(review).hasDefinitionKey("Task_ReviewValidationWarnings");
        driver.complete(review, Map.of("validationWarningsAccepted", true));
        driver.runUntilIdle(lab.key());

        assertThat(onlyTask(lab.key())).hasDefinitionKey("Task_ProvisionWitnessShare");
        assertThat(passed(run)).containsSubsequence("Task_ValidateCluster", "Task_ResolveValidationFailures",
                "Task_ValidateCluster", "Task_ReviewValidationWarnings", "Task_ValidateCluster", "Task_CreateCluster");
    }

    @Test
    void aBadQuorumPathReturnsToThePersonWithTheReason() {
        EarlierSteps lab = prepare(null).features().activeDirectory().directories();
        ProcessInstance run = start("FailoverCluster", lab, Map.of());
        driver.runUntilIdle(lab.key());
        driver.complete(onlyTask(lab.key()), Map.of("validationWarningsAccepted", true));
        driver.runUntilIdle(lab.key());

        String[][] badPaths = {
            {"fileserver\\witness", "not a UNC path"},
            {"\\\\massivedynamic.com\\ECE_Root\\Witness", "DFS"},
            {"\\\\CC2K125ECEAB\\ECEFile", "DFS folder target"},
            {"\\\\FS01\\ClusterWitness", "not reachable from CC2K125ECEAA"},
        };
        for (String[] bad : badPaths) {
            Task provision = onlyTask(lab.key());
            assertThat(provision).hasDefinitionKey("Task_ProvisionWitnessShare");
            driver.complete(provision, Map.of("witnessSharePath", bad[0]));
            driver.runUntilIdle(lab.key());
            assertThat(onlyTask(lab.key())).hasDefinitionKey("Task_ProvisionWitnessShare");
            assertThat(runtime.getVariable(run.getId(), "witnessShareProblem").toString()).contains(bad[1]);
        }
        // A share on an estate server that the cluster may not write to.
        lab.lab().windows().ensureDirectory("CC2K125ECEWB", "C:\\ReadOnlyWitness");
        lab.lab().windows().ensureShare("CC2K125ECEWB", "ReadOnlyWitness", "C:\\ReadOnlyWitness", "MASSIVE\\ECEInstaller");
        driver.complete(onlyTask(lab.key()), Map.of("witnessSharePath", "\\\\CC2K125ECEWB\\ReadOnlyWitness\\x"));
        driver.runUntilIdle(lab.key());
        assertThat(runtime.getVariable(run.getId(), "witnessShareProblem").toString()).contains("may not write");

        driver.complete(onlyTask(lab.key()), Map.of("witnessSharePath", GOOD_SHARE));
        driver.runUntilIdle(lab.key());
        assertThat(run).isEnded();
        assertThat(lab.lab().cluster().readCluster(lab.sideA()).witnessPath()).isEqualTo(GOOD_SHARE);
    }

    @Test
    void eventsOtherThan1069And1045GoToTheOperators() {
        EarlierSteps lab = prepare(null).features().activeDirectory().directories();
        ProcessInstance run = start("FailoverCluster", lab, Map.of());
        driver.runUntilIdle(lab.key());
        driver.complete(onlyTask(lab.key()), Map.of("validationWarningsAccepted", true));
        driver.runUntilIdle(lab.key());
        lab.lab().haPersons().clusterLogs(1135, "Critical", "Cluster node 'CC2K125ECEAB' was removed from the active failover cluster membership.");
        driver.complete(onlyTask(lab.key()), Map.of("witnessSharePath", GOOD_SHARE));
        driver.runUntilIdle(lab.key());

        Task investigate = onlyTask(lab.key());
        assertThat(investigate).hasDefinitionKey("Task_ReviewClusterEvents");
        String events = runtime.getVariable(run.getId(), "unexpectedClusterEvents").toString();
        assertThat(events).contains("1135").doesNotContain(" 1069:").doesNotContain(" 1045:");
        driver.complete(investigate, Map.of());
        assertThat(run).isEnded();
    }

    @Test
    void aRerunOnAFinishedClusterChangesNothing() {
        EarlierSteps lab = prepare(null).features().activeDirectory().directories();
        ProcessInstance first = start("FailoverCluster", lab, Map.of());
        driver.runUntilIdle(lab.key());
        driver.complete(onlyTask(lab.key()), Map.of("validationWarningsAccepted", true));
        driver.runUntilIdle(lab.key());
        driver.complete(onlyTask(lab.key()), Map.of("witnessSharePath", GOOD_SHARE));
        driver.runUntilIdle(lab.key());
        assertThat(first).isEnded();
        int ledger = lab.lab().ledger().size();

        ProcessInstance rerun = start("FailoverCluster", lab, Map.of());
        driver.runUntilIdle(lab.key());
        driver.complete(onlyTask(lab.key()), Map.of("validationWarningsAccepted", true));
        driver.runUntilIdle(lab.key());

        assertThat(rerun).isEnded().hasNotPassed("Task_ProvisionWitnessShare", "Task_ConfigureFileShareWitness");
        assertThat(lab.lab().ledger()).hasSize(ledger);
    }

    private static final String SIDE_A_ONLY = "CC2K125ECEAA";
}
