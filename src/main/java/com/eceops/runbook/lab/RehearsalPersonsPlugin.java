package com.eceops.runbook.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.EveryProcess;

/**
 * Attaches the rehearsal's person actions ({@link RehearsalPersonActions}) to their user tasks, so the production
 * models carry no rehearsal code. They are built-in listeners on complete: those run before the model's own
 * listeners, so the lab has what the person did before anything in the model looks at it, as when the models
 * named them first. They are attached once the whole process is parsed, after the trust boundary's built-in
 * checks on the task, so a refused completion never reaches the lab. An action does nothing on a live run: it
 * asks for the run's lab and a live run has none.
 */
@Component
class RehearsalPersonsPlugin extends AbstractProcessEnginePlugin {

    private final BeanFactory beans;

    RehearsalPersonsPlugin(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Older versions are parsed again for their running instances. One without a task of the table is
        // skipped there (the check at start-up holds the latest version to the table); one deployed while
        // the models still named their actions keeps its own, so an action never runs twice.
        EveryProcess.afterParsing(configuration, (element, process) ->
                RehearsalPersonActions.BY_TASK.getOrDefault(process.getKey(), Map.of()).forEach((taskId, bean) ->
                        userTask(process, taskId).filter(task -> !namesItsOwnAction(task)).ifPresent(task ->
                                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, new PersonAction(bean, beans)))));
    }

    /**
     * Refuses to start while the table names a task the deployed models do not have, or a bean that is not a
     * task listener: a renamed task would otherwise silently leave its rehearsal without the person's work.
     * Before the application runners, so no headless rehearsal starts first.
     */
    @EventListener
    void refuseTasksNotInTheModels(ApplicationStartedEvent started) {
        refuseWhatTheModelsLack(RehearsalPersonActions.BY_TASK, started.getApplicationContext().getBean(RepositoryService.class));
    }

    /** Throws when the latest deployed model of a process lacks a task of the table, or a bean is missing. */
    void refuseWhatTheModelsLack(Map<String, Map<String, String>> table, RepositoryService repository) {
        List<String> wrong = new ArrayList<>();
        table.forEach((processKey, tasks) -> {
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                    .latestVersion().singleResult();
            tasks.forEach((taskId, bean) -> {
                if (!beans.containsBean(bean) || !beans.isTypeMatch(bean, TaskListener.class)) {
                    wrong.add(processKey + " / " + taskId + ": no task listener bean " + bean);
                } else if (latest == null || !carries(repository.getProcessDefinition(latest.getId()), taskId, bean)) {
                    wrong.add(processKey + " / " + taskId + ": no such user task in the deployed models");
                }
            });
        });
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("The rehearsal's person actions (RehearsalPersonActions) name what the "
                    + "application does not have: " + String.join("; ", wrong));
        }
    }

    private static boolean carries(ProcessDefinition deployed, String taskId, String bean) {
        return userTask((ProcessDefinitionEntity) deployed, taskId)
                .map(task -> task.getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE).stream()
                        .anyMatch(listener -> listener instanceof PersonAction action && action.bean().equals(bean)))
                .orElse(false);
    }

    private static boolean namesItsOwnAction(TaskDefinition task) {
        return task.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE).stream()
                .anyMatch(listener -> listener instanceof DelegateExpressionTaskListener named
                        && named.getExpressionText().startsWith("${rehearse"));
    }

    private static Optional<TaskDefinition> userTask(ProcessDefinitionEntity process, String taskId) {
        ActivityImpl activity = process.findActivity(taskId);
        return activity != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask
                ? Optional.of(userTask.getTaskDefinition())
                : Optional.empty();
    }

    /**
     * One person action on one task. The bean is looked up when the task completes: the actions depend on the
     * run's operations, which need the engine this plugin helps to build.
     */
    record PersonAction(String bean, BeanFactory beans) implements TaskListener {

        @Override
        public void notify(DelegateTask task) {
            beans.getBean(bean, TaskListener.class).notify(task);
        }
    }
}
