package com.eceops.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunbookApplicationTest;
import com.eceops.runbook.lab.RehearsalPersonsPlugin.PersonAction;

/** The models carry no rehearsal code; the table of person actions names only tasks the models have. */
class RehearsalPersonsPluginTest extends RunbookApplicationTest {

    @Autowired
    RehearsalPersonsPlugin plugin;
    @Autowired
    RepositoryService repository;

    @Test
    void noModelCarriesARehearsalListener() throws IOException {
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            List<Path> withRehearsal = models.filter(model -> read(model).contains("${rehearse")).toList();
            assertThat(withRehearsal).isEmpty();
        }
    }

    @Test
    void everyTaskOfTheTableIsInItsDeployedModelWithItsAction() {
        plugin.refuseWhatTheModelsLack(RehearsalPersonActions.BY_TASK, repository);
    }

    @Test
    void everyActionOfTheTableHasItsWorkForALabOutsideARehearsal() {
        RehearsalPersonActions.BY_TASK.values().forEach(tasks -> tasks.values().forEach(bean ->
                assertThat(RehearsalPersonActions.WORK).as(bean).containsKey(bean)));
        assertThat(RehearsalPersonActions.WORK.keySet()).as("no work without a task").isEqualTo(
                RehearsalPersonActions.BY_TASK.values().stream().flatMap(t -> t.values().stream()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aTaskOrProcessNoModelHasStopsTheStart() {
        assertThatThrownBy(() -> plugin.refuseWhatTheModelsLack(Map.of(
                "PatchEce", Map.of("Task_RenamedAway", "rehearsePatchPersonsAction"),
                "NoSuchProcess", Map.of("Task_StopEmailProcesses", "rehearsePatchPersonsAction")), repository))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PatchEce / Task_RenamedAway: no such user task")
                .hasMessageContaining("NoSuchProcess / Task_StopEmailProcesses: no such user task");
        assertThatThrownBy(() -> plugin.refuseWhatTheModelsLack(Map.of(
                "PatchEce", Map.of("Task_StopEmailProcesses", "rehearseNobodyAction")), repository))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no task listener bean rehearseNobodyAction");
    }

    @Test
    void theTrustChecksJudgeACompletionBeforeTheLabIsTouched() {
        RehearsalPersonActions.BY_TASK.forEach((processKey, tasks) -> {
            var latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
            var process = (ProcessDefinitionEntity) repository.getProcessDefinition(latest.getId());
            tasks.keySet().forEach(taskId -> {
                var task = ((UserTaskActivityBehavior) process.findActivity(taskId).getActivityBehavior()).getTaskDefinition();
                List<TaskListener> builtIn = task.getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
                assertThat(builtIn.size()).as(processKey + " / " + taskId).isGreaterThan(1);
                assertThat(builtIn.get(builtIn.size() - 1)).as(processKey + " / " + taskId).isInstanceOf(PersonAction.class);
                assertThat(task.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE)).as(processKey + " / " + taskId)
                        .noneMatch(PersonAction.class::isInstance);
            });
        });
    }

    @Test
    void aVersionThatStillNamesItsActionKeepsItAndGetsNoSecond() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
                  <bpmn:process id="SystemChecks" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start" />
                    <bpmn:userTask id="Task_FixServerBuild">
                      <bpmn:extensionElements>
                        <camunda:taskListener delegateExpression="${rehearseServerBuildersAction}" event="complete" />
                      </bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:userTask id="Task_UpgradeSqlServerToEnterprise" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        var deployment = repository.createDeployment().name("SystemChecks before the table")
                .addString("SystemChecks.bpmn", model).deploy();
        try {
            var process = (ProcessDefinitionEntity) repository.getProcessDefinition(
                    repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId());
            assertThat(builtInOnComplete(process, "Task_FixServerBuild")).noneMatch(PersonAction.class::isInstance);
            assertThat(builtInOnComplete(process, "Task_UpgradeSqlServerToEnterprise")).anyMatch(PersonAction.class::isInstance);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    private static List<TaskListener> builtInOnComplete(ProcessDefinitionEntity process, String taskId) {
        return ((UserTaskActivityBehavior) process.findActivity(taskId).getActivityBehavior()).getTaskDefinition()
                .getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
    }

    private static String read(Path model) {
        try {
            return Files.readString(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
