package com.eceops.runbook.procedure.eceinstall;

import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.EceInstallation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;

/** inst-1.1 to inst-3 in rehearsal: five setup runs, each checked, a task handed back when its check fails. */
class InstallEceProcessTest extends SectionProcessTest {

    private static final Map<String, Object> FINISHED = Map.of("setupFinished", true);

    private Object variable(Task task, String name) {
        return runtime.getVariable(task.getExecutionId(), name);
    }

    /** Completes the only task, which must be {@code taskKey}, with nothing done: its check must send it back. */
    private void skipAndExpectItBack(EarlierSteps lab, String taskKey, String reasonPart) {
        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey(taskKey).hasCandidateGroup("operators");
        driver.complete(task, Map.of());
        driver.runUntilIdle(lab.key());
        Task back = onlyTask(lab.key());
        assertThat(back).hasDefinitionKey(taskKey);
        assertThat(back.getId()).isNotEqualTo(task.getId());
        assertThat(variable(back, "setupCheckReport").toString()).contains(reasonPart);
        driver.complete(back, FINISHED);
        driver.runUntilIdle(lab.key());
    }

    @Test
    void fiveSetupRunsInTheDocumentsOrderEachCheckedAndHandedBackWhenNothingWasInstalled() {
        EarlierSteps lab = prepare(null).features().activeDirectory().directories().dfs().cluster().availabilityGroup();
        ProcessInstance run = start("InstallEce", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task first = onlyTask(lab.key());
        assertThat(variable(first, "primaryReplica")).isEqualTo(lab.sideA());
        assertThat(variable(first, "secondaryReplicaFqdn")).isEqualTo(lab.sideB() + ".massivedynamic.com");
        assertThat(variable(first, "host")).isEqualTo(lab.sideA());
        assertThat(variable(first, "listenerFqdn")).isEqualTo("CC2K125ECEDB.massivedynamic.com");
        assertThat(variable(first, "dfsUncPath")).isEqualTo("\\\\massivedynamic.com\\ECE_Root\\ECE");
        assertThat(variable(first, "eceHome")).isEqualTo("E:\\ECE");
        skipAndExpectItBack(lab, "Task_RunSetupFileAndDatabaseServer", "eGActiveDB");
        assertThat(lab.lab().sql().readDatabases(lab.sideA())).extracting(d -> d.name())
                .contains("eGActiveDB", "eGMasterDB", "eGReportsDB");

        skipAndExpectItBack(lab, "Task_RunSetupCollocatedSideA", "the Cisco service");
        Task sideB = onlyTask(lab.key());
        assertThat(variable(sideB, "host")).isEqualTo(lab.sideB());
        skipAndExpectItBack(lab, "Task_RunSetupCollocatedSideB", "E:\\ECE");

        List<Task> web = driver.tasks(lab.key());
        assertThat(web).extracting(Task::getTaskDefinitionKey).containsOnly("Task_RunSetupWebServer");
        assertThat(web).extracting(t -> variable(t, "host")).containsExactlyInAnyOrder("CC2K125ECEWA", "CC2K125ECEWB");
        Task webA = web.stream().filter(t -> "CC2K125ECEWA".equals(variable(t, "host"))).findFirst().orElseThrow();
        Task webB = web.stream().filter(t -> "CC2K125ECEWB".equals(variable(t, "host"))).findFirst().orElseThrow();
        assertThat(variable(webA, "applicationServerFqdn")).isEqualTo(lab.sideA() + ".massivedynamic.com");
        assertThat(variable(webB, "applicationServerFqdn")).isEqualTo(lab.sideB() + ".massivedynamic.com");
        assertThat(variable(webA, "jettyPort")).isEqualTo(9001);
        driver.complete(webA, Map.of());
        driver.complete(webB, FINISHED);
        driver.runUntilIdle(lab.key());
        Task webAgain = onlyTask(lab.key());
        assertThat(variable(webAgain, "host")).isEqualTo("CC2K125ECEWA");
        assertThat(variable(webAgain, "setupCheckReport").toString()).contains("Web Server component");
        driver.complete(webAgain, FINISHED);
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("Task_VerifyWebServer", "EndEvent_EceInstalled");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(run.getId()).count()).isZero();
        for (String host : List.of(lab.sideA(), lab.sideB())) {
            EceInstallation installed = lab.lab().ece().readInstallation(host);
            assertThat(installed.ciscoServicePresent()).isTrue();
            assertThat(installed.eceHome()).isEqualTo("E:\\ECE");
        }
        assertThat(lab.lab().ece().readInstallation("CC2K125ECEWA").components()).containsExactly(EceComponent.WEB_SERVER);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName("primaryReplica").singleResult().getValue()).isEqualTo(lab.sideA());
    }
}
