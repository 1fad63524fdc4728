package com.eceops.runbook.procedure.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;
import com.eceops.runbook.technology.ece.EceConfigFile;

/**
 * The called process ValidateEce on its own, after a patch and after a rollback: every check passing with email
 * given back, each failed check ending with ValidationFailed (the callers' tests show what the change managers or
 * the operators then do), and a rollback decided meanwhile ending with RollBackPatch before agents log in.
 */
class ValidateEceProcessTest extends SectionProcessTest {

    private static final Date OPENS = Date.from(Instant.parse("2026-11-28T21:00:00Z"));
    private static final Date CLOSES = Date.from(Instant.parse("2026-11-29T01:00:00Z"));

    @BeforeEach
    void clock() {
        ClockUtil.setCurrentTime(OPENS);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ProcessInstance validate(EarlierSteps lab, String after, Map<String, Object> extra) {
        Map<String, Object> vars = PatchFixture.window(CLOSES, null);
        vars.put("validationAfter", after);
        vars.put("productionEmail", true);
        vars.put("emailStopped", true);
        vars.putAll(extra);
        ProcessInstance run = start("ValidateEce", lab, vars);
        PatchFixture.settle(engine, lab.key());
        return run;
    }

    private Task task(EarlierSteps lab, String key) {
        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey(key);
        return task;
    }

    private void answer(EarlierSteps lab, String key, Map<String, Object> answers) {
        driver.complete(task(lab, key), answers);
        PatchFixture.settle(engine, lab.key());
    }

    @Test
    void afterAPatchThePagesTheGadgetAndEmailComeBackAndAnEmailStartThatDidNotTakeIsAskedAgain() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        lab.lab().handwork().stopEmailProcesses();
        ProcessInstance run = validate(lab, "patch", Map.of());
        answer(lab, "Task_TestFinesseGadget", Map.of("gadgetLoginWorked", true));
        answer(lab, "Task_StartEmailProcesses", Map.of("emailProcessesStartedByOperator", false));
        assertThat(runtime.getVariable(task(lab, "Task_StartEmailProcesses").getExecutionId(), "emailProcessesOk")).isEqualTo(false);
        answer(lab, "Task_StartEmailProcesses", Map.of("emailProcessesStartedByOperator", true));

        assertThat(run).isEnded().hasPassed("Task_CheckLoginPages", "Task_CheckEmailProcessesRunning", "EndEvent_EceValidated")
                .hasNotPassed("Task_CheckKeyFiles", "EndEvent_RollBackBeforeAgents");
    }

    @Test
    void anEstateWithoutProductionEmailIsValidatedWithoutTheEmailTask() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        ProcessInstance run = validate(lab, "patch", Map.of("productionEmail", false));
        answer(lab, "Task_TestFinesseGadget", Map.of("gadgetLoginWorked", true));

        assertThat(run).isEnded().hasPassed("Gateway_EmailRestored", "EndEvent_EceValidated").hasNotPassed("Task_StartEmailProcesses");
    }

    @Test
    void loginPagesThatDoNotAnswerEndWithValidationFailed() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        lab.lab().windows().stopService(lab.sideA(), "Cisco");
        lab.lab().windows().stopService(lab.sideB(), "Cisco");
        ProcessInstance run = validate(lab, "patch", Map.of());

        assertThat(run).isEnded().hasPassed("EndEvent_LoginPagesFailed").hasNotPassed("Task_TestFinesseGadget");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).variableName("loginPagesReport")
                .singleResult().getValue().toString()).contains("service-down page");
    }

    @Test
    void aRollbackDecidedMeanwhileEndsBeforeAgentsAreAskedToLogIn() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        ProcessInstance run = validate(lab, "patch", Map.of("rollBackRequested", true));

        assertThat(run).isEnded().hasPassed("Task_CheckLoginPages", "EndEvent_RollBackBeforeAgents").hasNotPassed("Task_TestFinesseGadget");
    }

    @Test
    void afterARollbackWrongKeyFilesEndWithValidationFailed() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        String webA = lab.lab().estate().webServers().get(0).name();
        String js = lab.lab().ece().readConfigFile(webA, EceConfigFile.ECE_CONFIG_JS);
        lab.lab().ece().writeConfigFile(webA, EceConfigFile.ECE_CONFIG_JS,
                js.replace("web_server_protocol = \"https\"", "web_server_protocol = \"http\""));
        ProcessInstance run = validate(lab, "rollBack", Map.of("rollBackRequested", true));

        assertThat(run).isEnded().hasPassed("Task_CheckKeyFiles", "EndEvent_KeyFilesWrong").hasNotPassed("Task_TestFinesseGadget");
    }

    @Test
    void afterARollbackAnAgentWhoCannotLogInEndsWithValidationFailed() {
        EarlierSteps lab = PatchFixture.installed(prepare(null));
        ProcessInstance run = validate(lab, "rollBack", Map.of("rollBackRequested", true));
        answer(lab, "Task_TestFinesseGadget", Map.of("gadgetLoginWorked", false));

        assertThat(run).isEnded().hasPassedInOrder("Task_CheckLoginPages", "Task_CheckKeyFiles", "Task_TestFinesseGadget",
                "EndEvent_GadgetFailed");
    }
}
