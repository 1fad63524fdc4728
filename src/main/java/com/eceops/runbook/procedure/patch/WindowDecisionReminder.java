package com.eceops.runbook.procedure.patch;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A window decision left open while ECE is down must not go unnoticed: every reminder raises the open decision to
 * the top of Tasklist, offers it to the managers as well as the change managers, and says since when the window is
 * past. Counts the reminders in {@code windowDecisionReminders}.
 */
@Component("windowDecisionReminder")
class WindowDecisionReminder implements JavaDelegate {

    static final String MANAGERS = "managers";
    /** The decision of DecidePatchWindow, the process this reminder runs in (at a step or at the window's end). */
    static final String DECISION_TASK = "Task_DecideWindowOverrun";

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        String message = "Reminder: the patch of " + execution.getProcessBusinessKey() + " waits for this decision"
                + " while ECE may be down; the window " + WindowVariables.WINDOW.orElse(execution, null)
                + " closes (or closed) at " + WindowVariables.WINDOW_CLOSES_AT.orElse(execution, null) + ".";
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(DECISION_TASK).list()) {
            tasks.setPriority(task.getId(), 100);
            tasks.addCandidateGroup(task.getId(), MANAGERS);
            tasks.createComment(task.getId(), execution.getProcessInstanceId(), message);
        }
        WindowVariables.WINDOW_DECISION_REMINDERS.set(execution,
                WindowVariables.WINDOW_DECISION_REMINDERS.orElse(execution, 0) + 1);
    }
}
