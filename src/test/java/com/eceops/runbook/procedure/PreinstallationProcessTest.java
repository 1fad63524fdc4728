package com.eceops.runbook.procedure;

import com.eceops.runbook.lab.RehearsalAnswers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunDriver;
import com.eceops.runbook.RunbookApplicationTest;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;

/** The first slice in rehearsal: sys-4 SQL Server edition, then pre-1 Windows features on both sides. */
public class PreinstallationProcessTest extends RunbookApplicationTest {

    private static final String SIDE_A = "CC2K125ECEAA";
    private static final String SIDE_B = "CC2K125ECEAB";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    RehearsalLabs labs;

    public static final RehearsalAnswers SAMPLE_ANSWERS =
            RehearsalAnswers.read(java.nio.file.Path.of("rehearsals/massivedynamic-answers.yaml"));

    private RunDriver driver;

    @BeforeEach
    void drive() {
        BpmnAwareTests.init(engine);
        driver = new RunDriver(engine);
    }

    @Test
    void aBareEstatePassesTheSqlCheckAndGetsItsFeaturesWithARestartOnBothSides() {
        ProcessInstance run = rehearse(null);

        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).hasPassed("CallActivity_SystemChecks", "CallActivity_AddWindowsFeatures")
                .isWaitingAt("CallActivity_ActiveDirectory");
        assertThat(passed(run, "AddWindowsFeatures")).contains("Task_RestartServer", "Task_CheckServerIsBack",
                "Task_VerifyFeaturesInstalled");
        RehearsalLab lab = labs.find(run.getBusinessKey()).orElseThrow();
        for (String host : new String[] {SIDE_A, SIDE_B}) {
            assertThat(lab.windows().installedFeatures(host))
                    .contains("FS-DFS-Namespace", "FS-DFS-Replication", "Failover-Clustering");
            assertThat(lab.windows().readHostFacts(host).restartPending()).isFalse();
        }
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName("sqlServerEditions").singleResult()).isNull();
    }

    @Test
    void featuresThatNeedNoRestartGoStraightToVerification() {
        ProcessInstance run = rehearse("no-restart-needed");

        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isWaitingAt("CallActivity_ActiveDirectory");
        assertThat(passed(run, "AddWindowsFeatures")).contains("Task_VerifyFeaturesInstalled")
                .doesNotContain("Task_RestartServer");
    }

    @Test
    void standardEditionSendsTheDbasToUpgradeAndTheEditionIsReadAgain() {
        ProcessInstance run = rehearse("standard-edition");

        driver.runUntilIdle(run.getBusinessKey());

        ProcessInstance checks = runtime.createProcessInstanceQuery().processInstanceBusinessKey(run.getBusinessKey())
                .processDefinitionKey("SystemChecks").singleResult();
        assertThat(checks).isWaitingAt("Task_UpgradeSqlServerToEnterprise");
        Task upgrade = driver.tasks(run.getBusinessKey()).get(0);
        assertThat(upgrade).hasCandidateGroup("dbas");
        assertThat(runtime.getVariable(checks.getId(), "sqlEditionProblem").toString())
                .contains(SIDE_B).contains("Standard Edition");

        driver.complete(upgrade, Map.of("upgradeNotes", "edition upgrade from the ISO"));
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isWaitingAt("CallActivity_ActiveDirectory");
        assertThat(passed(run, "SystemChecks")).containsSubsequence("Task_ReadSqlServerEdition",
                "Task_UpgradeSqlServerToEnterprise", "Task_ReadSqlServerEdition");
    }

    @Test
    void aServerThatDoesNotComeBackIsEscalatedToTheOperatorsAndCheckedAgain() {
        ProcessInstance run = rehearse("restart-hangs");

        driver.runUntilIdle(run.getBusinessKey());

        Task bringBack = driver.tasks(run.getBusinessKey()).get(0);
        assertThat(bringBack).hasDefinitionKey("Task_BringServerBackOnline").hasCandidateGroup("operators");
        assertThat(runtime.getVariable(bringBack.getExecutionId(), "host")).isEqualTo(SIDE_A);
        assertThat(runtime.getVariable(bringBack.getExecutionId(), "pollCount")).isEqualTo(3);

        driver.complete(bringBack, Map.of());
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isWaitingAt("CallActivity_ActiveDirectory");
        assertThat(labs.find(run.getBusinessKey()).orElseThrow().windows().installedFeatures(SIDE_A))
                .contains("Failover-Clustering");
    }

    @Test
    void aFailingStepBecomesAnIncidentThatNamesTheStepTheHostAndTheCause() {
        ProcessInstance run = rehearse("feature-install-fails");

        driver.runUntilIdle(run.getBusinessKey());

        ProcessInstance features = runtime.createProcessInstanceQuery().processInstanceBusinessKey(run.getBusinessKey())
                .processDefinitionKey("AddWindowsFeatures").singleResult();
        Incident incident = runtime.createIncidentQuery().processInstanceId(features.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_AddDfsAndClusteringFeatures");
        assertThat(incident.getIncidentMessage())
                .startsWith("pre-1 \"Add DFS Namespaces, DFS Replication and Failover Clustering\"")
                .contains(SIDE_B)
                .contains("installFeatures")
                .contains("0x80070422");
        HistoricProcessInstance root = history.createHistoricProcessInstanceQuery().processInstanceId(run.getId())
                .singleResult();
        assertThat(root.getEndTime()).isNull();
    }

    @Test
    void anIncidentRetriedFromCockpitAfterTheCauseIsFixedCompletesTheStep() {
        ProcessInstance run = rehearse("feature-install-fails-three-times");
        driver.runUntilIdle(run.getBusinessKey());
        ProcessInstance features = runtime.createProcessInstanceQuery().processInstanceBusinessKey(run.getBusinessKey())
                .processDefinitionKey("AddWindowsFeatures").singleResult();
        Incident incident = runtime.createIncidentQuery().processInstanceId(features.getId()).singleResult();
        assertThat(incident.getIncidentMessage()).contains(SIDE_B).contains("0x80070422");

        // Cockpit's "retry" gives the failed job a retry; the job executor then runs the step again.
        engine.getManagementService().setJobRetries(incident.getConfiguration(), 1);
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(runtime.createIncidentQuery().processInstanceId(features.getId()).count()).isZero();
        assertThat(run).hasPassed("CallActivity_AddWindowsFeatures").isWaitingAt("CallActivity_ActiveDirectory");
        assertThat(labs.find(run.getBusinessKey()).orElseThrow().windows().installedFeatures(SIDE_B))
                .contains("Failover-Clustering");
    }

    @Test
    void theWholePreinstallationTakesBareServersToAVerifiedAvailabilityGroupWithTheFormsAnswered() {
        ProcessInstance run = driver.start("Preinstallation", Map.of("estate", SAMPLE, "runMode", "rehearsal"));

        answerEveryTaskUntilTheRunEnds(run.getBusinessKey());

        assertThat(run).isEnded().hasPassed("CallActivity_SystemChecks", "CallActivity_AddWindowsFeatures",
                "CallActivity_ActiveDirectory", "CallActivity_DirectoriesAndShares", "CallActivity_Dfs",
                "CallActivity_FailoverCluster", "CallActivity_AvailabilityGroup", "CallActivity_Checkpoint");
        RehearsalLab lab = labs.find(run.getBusinessKey()).orElseThrow();
        var group = lab.sql().readAvailabilityGroup(SIDE_A, "CC2K125ECEDB");
        assertThat(group.healthy()).as(group.toString()).isTrue();
        assertThat(group.replicas()).hasSize(2);
    }

    @Test
    void rerunningThePreinstallationOnAFinishedEstateChangesNothingButTheFailoverTestItself() {
        ProcessInstance first = driver.start("Preinstallation", Map.of("estate", SAMPLE, "runMode", "rehearsal"));
        answerEveryTaskUntilTheRunEnds(first.getBusinessKey());
        RehearsalLab lab = labs.find(first.getBusinessKey()).orElseThrow();
        int changesAfterFirstRun = lab.ledger().size();

        ProcessInstance again = engine.getRuntimeService().startProcessInstanceByKey("Preinstallation",
                first.getBusinessKey(), Map.of("estate", SAMPLE, "runMode", "rehearsal"));
        answerEveryTaskUntilTheRunEnds(again.getBusinessKey());

        assertThat(again).isEnded();
        var newEntries = lab.ledger().subList(changesAfterFirstRun, lab.ledger().size());
        // The DBA's confirmation asks for the failover test again, and a failover test is two failovers.
        assertThat(newEntries).allSatisfy(entry -> assertThat(entry.toString()).containsIgnoringCase("failover"));
    }

    /** Answers every human task from the same file the headless rehearsal uses, until the run ends. */
    private void answerEveryTaskUntilTheRunEnds(String runKey) {
        driver.answerEveryTaskUntilTheRunEnds(runKey, SAMPLE_ANSWERS::forTask);
    }

    private ProcessInstance rehearse(String scenario) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("estate", SAMPLE, "runMode", "rehearsal"));
        if (scenario != null) {
            variables.put("labScenario", scenario);
        }
        ProcessInstance run = driver.start("Preinstallation", variables);
        driver.runUntilIdle(run.getBusinessKey());
        Task confirm = driver.tasks(run.getBusinessKey()).get(0);
        assertThat(confirm).hasDefinitionKey("Task_ConfirmVirtualMachinesDeployed");
        driver.complete(confirm, Map.of("virtualMachinesDeployed", true));
        return run;
    }

    /** The activities a called section finished, in the order they started. */
    private List<String> passed(ProcessInstance run, String processKey) {
        HistoricProcessInstance section = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(run.getBusinessKey()).processDefinitionKey(processKey).singleResult();
        return history.createHistoricActivityInstanceQuery().processInstanceId(section.getId()).finished()
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }
}
