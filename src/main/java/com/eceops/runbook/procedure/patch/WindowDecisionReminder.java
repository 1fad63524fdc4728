package com.eceops.runbook.procedure.patch;

import java.util.List;

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
    private static final List<String> DECISIONS = List.of("Task_DecideWindowOverrun", "Task_DecideWindowOverrunAtEnd");

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        String message = "Reminder: the patch of " + execution.getProcessBusinessKey() + " waits for this decision"
                + " while ECE may be down; the window " + execution.getVariable(PatchVariables.WINDOW)
                + " closes (or closed) at " + execution.getVariable(PatchVariables.WINDOW_CLOSES_AT) + ".";
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn(DECISIONS.toArray(String[]::new)).list()) {
            tasks.setPriority(task.getId(), 100);
            tasks.addCandidateGroup(task.getId(), MANAGERS);
            tasks.createComment(task.getId(), execution.getProcessInstanceId(), message);
        }
        Object sent = execution.getVariable("windowDecisionReminders");
        execution.setVariable("windowDecisionReminders", (sent instanceof Integer n ? n : 0) + 1);
    }
}
