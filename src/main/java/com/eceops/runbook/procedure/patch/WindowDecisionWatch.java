package com.eceops.runbook.procedure.patch;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Tells the window's end watch whether the change managers are already deciding at a step (a window check's
 * Task_DecideWindowOverrun is open in the DecidePatchWindow a window check called). Then the watch does not open a second, competing decision: it waits for that
 * one, whose extension or rollback then counts for the window's end too. Reads only.
 */
@Component("windowDecisionWatch")
public class WindowDecisionWatch {

    static final String CHECK_PROCESS = "CheckPatchWindow";
    static final String DECISION_PROCESS = "DecidePatchWindow";
    static final String DECISION_TASK = WindowDecisionReminder.DECISION_TASK;

    private final RuntimeService runtime;
    private final TaskService tasks;

    WindowDecisionWatch(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public boolean openAtStep(DelegateExecution execution) {
        List<String> decisions = new ArrayList<>();
        for (String check : children(execution.getProcessInstanceId(), CHECK_PROCESS)) {
            decisions.addAll(children(check, DECISION_PROCESS));
        }
        if (decisions.isEmpty()) {
            return false;
        }
        return tasks.createTaskQuery().processInstanceIdIn(decisions.toArray(String[]::new))
                .taskDefinitionKey(DECISION_TASK).count() > 0;
    }

    /**
     * Whether a rollback has been decided for this patch run, read from the execution and up through the processes
     * that called it: a called validation holds a copy of the run's variables taken when it started, while the
     * window's end watch records a later decision in the patch run itself.
     */
    public boolean rollBackDecided(DelegateExecution execution) {
        for (DelegateExecution scope = execution; scope != null; scope = scope.getProcessInstance().getSuperExecution()) {
            if (Boolean.TRUE.equals(WindowVariables.ROLL_BACK_REQUESTED.orElse(scope, false))) {
                return true;
            }
        }
        return false;
    }

    private List<String> children(String parent, String processKey) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(parent).processDefinitionKey(processKey).list()
                .stream().map(ProcessInstance::getId).toList();
    }
}
