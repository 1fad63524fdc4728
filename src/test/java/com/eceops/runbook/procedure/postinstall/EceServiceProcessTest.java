package com.eceops.runbook.procedure.postinstall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;
import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.SetupRun;

/**
 * The called processes StopEce and StartEce on their own, in rehearsal: every path of each, the wait that ends and
 * the wait that reaches maxPolls and goes to the operators. Post-installation, the patch, its rollback and the final
 * notes call them (their own tests show the call).
 */
class EceServiceProcessTest extends SectionProcessTest {

    private static final String ACCOUNT = "MASSIVE\\ECESvc";

    /** ECE installed on both collocated servers, the Cisco service there and stopped. */
    private EarlierSteps installed(String scenario) {
        EarlierSteps lab = prepare(scenario).features().activeDirectory().directories().dfs().cluster().availabilityGroup();
        var services = EnumSet.of(EceComponent.MESSAGING_SERVER, EceComponent.APPLICATION_SERVER, EceComponent.SERVICES_SERVER);
        Map<String, String> home = Map.of(SetupRun.DFS_PATH, "\\\\massivedynamic.com\\ECE_Root\\ECE", SetupRun.ECE_HOME, "E:\\ECE");
        lab.lab().ece().recordSetupRun(lab.sideA(), new SetupRun(services, home));
        lab.lab().ece().recordSetupRun(lab.sideB(), new SetupRun(services, home));
        return lab;
    }

    private EarlierSteps running(String scenario) {
        EarlierSteps lab = installed(scenario);
        lab.lab().windows().startService(lab.sideA(), "Cisco");
        lab.lab().windows().startService(lab.sideB(), "Cisco");
        return lab;
    }

    private Object variable(Task task, String name) {
        return runtime.getVariable(task.getExecutionId(), name);
    }

    private long count(ProcessInstance instance, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(activityId).count();
    }

    /** After maxPolls checks an operator looks into it; completing the task checks again from nought. */
    private void escalatesAndChecksAgain(EarlierSteps lab, ProcessInstance run, String taskKey) {
        driver.runUntilIdle(lab.key());
        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey(taskKey).hasCandidateGroup("operators");
        // The lab's clock barely moves in a test: the wait gives up at its poll cap, not at the document's time.
        assertThat(variable(task, "pollCount")).isEqualTo(3 * CiscoServiceWait.POLL_LIMITS_WITHOUT_TIME);
        assertThat(variable(task, "ciscoServiceReport").toString()).contains(ACCOUNT);
        driver.complete(task, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(onlyTask(lab.key())).hasDefinitionKey(taskKey);
        assertThat(count(run, taskKey)).isEqualTo(2);
        runtime.deleteProcessInstance(run.getId(), "test finished");
    }

    @Test
    void stopEceStopsTheServiceOnBothServersAndWaitsUntilItsProcessesAreGone() {
        EarlierSteps lab = running(null);
        ProcessInstance run = start("StopEce", lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassedInOrder("Task_StopCiscoService", "Timer_StopWait", "Task_CheckCiscoProcessesGone",
                "EndEvent_EceStopped");
        for (String host : List.of(lab.sideA(), lab.sideB())) {
            assertThat(lab.lab().windows().countProcessesRunningAs(host, ACCOUNT)).isZero();
            assertThat(lab.lab().ledger()).anyMatch(e -> e.operation().equals("stopService") && e.host().equals(host));
        }
    }

    @Test
    void stopEceGoesToTheOperatorsWhenTheProcessesDoNotGo() {
        EarlierSteps lab = running("cisco-stop-held-up");
        ProcessInstance run = start("StopEce", lab, Map.of());
        escalatesAndChecksAgain(lab, run, "Task_LookIntoCiscoServiceStop");
    }

    @Test
    void startEceStartsTheServiceSideAFirstAndWaitsUntilBothServersRunTheDocumentsCounts() {
        EarlierSteps lab = installed(null);
        ProcessInstance run = start("StartEce", lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassedInOrder("Task_StartCiscoService", "Timer_StartWait", "Task_CheckCiscoProcesses",
                "EndEvent_EceStarted");
        // The lab starts at once here: the first look finds 25 and 10 processes, at least the document's 20 and 9.
        assertThat(count(run, "Task_CheckCiscoProcesses")).isEqualTo(1);
        var starts = lab.lab().ledger().stream().filter(e -> e.operation().equals("startService")).map(e -> e.host()).toList();
        assertThat(starts).containsExactly(lab.sideA(), lab.sideB());
        for (String host : List.of(lab.sideA(), lab.sideB())) {
            assertThat(lab.lab().windows().countProcessesRunningAs(host, ACCOUNT)).isPositive();
        }
    }

    @Test
    void startEceLeavesARunningServiceAlone() {
        EarlierSteps lab = running(null);
        var before = List.copyOf(lab.lab().ledger());
        ProcessInstance run = start("StartEce", lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("EndEvent_EceStarted");
        assertThat(lab.lab().ledger()).isEqualTo(before);
    }

    @Test
    void startEceGoesToTheOperatorsWhenTheProcessCountsKeepRising() {
        EarlierSteps lab = installed("cisco-start-held-up");
        ProcessInstance run = start("StartEce", lab, Map.of());
        escalatesAndChecksAgain(lab, run, "Task_LookIntoCiscoServiceStart");
    }
}
