package com.eceops.runbook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunbookApplicationTest;
import com.eceops.runbook.run.RunRefusedException;

/**
 * The engine's own gate, through the Java API as the REST API and the webapps call it: what only an
 * administrator may do, the run guard that no skip flag skips, and the operation log kept to its own.
 */
class EngineCommandGateTest extends RunbookApplicationTest {

    @Autowired
    ProcessEngine engine;

    private ProcessInstance run;

    @BeforeEach
    void aRehearsalAndItsPeople() {
        var identity = engine.getIdentityService();
        for (String[] person : new String[][] {{"gateolga", "operators"}, {"gatemax", "managers"}, {"gateadmin", Groups.CAMUNDA_ADMIN}}) {
            if (identity.createUserQuery().userId(person[0]).count() == 0) {
                identity.saveUser(identity.newUser(person[0]));
                identity.createMembership(person[0], person[1]);
            }
        }
        as("gateolga", "operators");
        run = engine.getRuntimeService().createProcessInstanceByKey("SystemChecks")
                .setVariables(Map.of("estate", SAMPLE, "runMode", "rehearsal")).execute();
        engine.getIdentityService().clearAuthentication();
    }

    @AfterEach
    void cleanUp() {
        engine.getIdentityService().clearAuthentication();
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(run.getId()).count() > 0) {
            engine.getRuntimeService().deleteProcessInstance(run.getId(), "test over");
        }
    }

    @Test
    void anOperatorStartsRunsButCannotRewriteThem() {
        as("gateolga", "operators");
        var runtime = engine.getRuntimeService();
        assertThatThrownBy(() -> runtime.setVariable(run.getId(), "runMode", "live"))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("gateolga may not");
        assertThatThrownBy(() -> runtime.removeVariable(run.getId(), "estate")).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> runtime.createProcessInstanceModification(run.getId()).startBeforeActivity("EndEvent_Any")
                .execute(true, true)).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("modify a running process instance");
        assertThatThrownBy(() -> runtime.suspendProcessInstanceById(run.getId())).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> runtime.deleteProcessInstance(run.getId(), "gone", true))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> runtime.createMessageCorrelation("anything").processInstanceId(run.getId()).correlate())
                .isInstanceOf(AuthorizationException.class);
        String job = engine.getManagementService().createJobQuery().processInstanceId(run.getId()).list().get(0).getId();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job)).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("run a job before it is due");
        // Retrying is the operators' own work.
        engine.getManagementService().setJobRetries(job, 3);
        engine.getIdentityService().clearAuthentication();
        assertThat(runtime.getVariable(run.getId(), "runMode")).isEqualTo("rehearsal");
    }

    @Test
    void noOneButAnAdministratorStartsAtAChosenActivityAndTheRunGuardStandsEvenWhenListenersAreSkipped() {
        String start = startEvent("SystemChecks");
        as("gateolga", "operators");
        assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceByKey("SystemChecks")
                .businessKey("massivedynamic.live.20261207-101010")
                .setVariables(Map.of("estate", SAMPLE, "runMode", "live"))
                .startBeforeActivity(start).execute(true, true))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("start a process at chosen activities");

        as("gateadmin", Groups.CAMUNDA_ADMIN);
        assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceByKey("SystemChecks")
                .businessKey("massivedynamic.live.20261207-101010")
                .setVariables(Map.of("estate", SAMPLE, "runMode", "live"))
                .startBeforeActivity(start).execute(true, true))
                .isInstanceOf(RunRefusedException.class).hasMessageContaining("not marked live");
        engine.getIdentityService().clearAuthentication();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("massivedynamic.live.20261207-101010").count()).isZero();
    }

    @Test
    void theRunGuardRecordsTheRunsKeyAndAStartCannotSetIt() {
        assertThat(engine.getRuntimeService().getVariable(run.getId(), "runKey")).isEqualTo(
                engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(run.getId()).singleResult()
                        .getBusinessKey());
        as("gateolga", "operators");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("SystemChecks",
                Map.of("estate", SAMPLE, "runMode", "rehearsal", "runKey", "massivedynamic.live.20261207-101010")))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("runKey: is not a field");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("SystemChecks",
                Map.of("estate", SAMPLE, "runMode", "fast")))
                .isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("runMode (Run mode): must be one of [rehearsal, plan, live]");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("PatchEce",
                Map.of("estate", SAMPLE, "runMode", "rehearsal")))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void theOperationLogIsTheAdministratorsOthersReadOnlyTheirOwn() {
        as("gateadmin", Groups.CAMUNDA_ADMIN);
        engine.getRuntimeService().setVariable(run.getId(), "adminNote", "looked at it");
        assertThat(engine.getHistoryService().createUserOperationLogQuery().userId("gateadmin").count()).isPositive();

        for (String[] reader : new String[][] {{"gateolga", "operators"}, {"gatemax", "managers"}}) {
            as(reader[0], reader[1]);
            List<UserOperationLogEntry> seen = engine.getHistoryService().createUserOperationLogQuery().list();
            assertThat(seen).allMatch(entry -> reader[0].equals(entry.getUserId()));
            assertThatThrownBy(() -> engine.getHistoryService().createUserOperationLogQuery().userId("gateadmin").list())
                    .isInstanceOf(AuthorizationException.class);
        }
        as("gateolga", "operators");
        assertThat(engine.getHistoryService().createUserOperationLogQuery().processInstanceId(run.getId()).list())
                .extracting(UserOperationLogEntry::getUserId).containsOnly("gateolga");
    }

    private String startEvent(String process) {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(process)
                .latestVersion().singleResult();
        String id = engine.getRepositoryService().getBpmnModelInstance(definition.getId())
                .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream()
                .filter(e -> e.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
                .findFirst().orElseThrow().getId();
        return id;
    }

    private void as(String user, String group) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
    }
}
