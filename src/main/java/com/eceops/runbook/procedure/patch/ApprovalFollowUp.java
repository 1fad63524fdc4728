package com.eceops.runbook.procedure.patch;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The approval's reminder and the record of a skipped window. */
final class ApprovalFollowUp {

    static final String APPROVAL_TASK = "Task_ApprovePatchWindow";

    private ApprovalFollowUp() {
    }

    /**
     * The reminder to change-managers: the open approval task goes to high priority (Tasklist sorts it first) and
     * gets a comment saying when the window opens; the count of reminders is kept in {@code remindersSent}.
     */
    @Component("remindChangeManagersDelegate")
    static class RemindChangeManagersDelegate implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            TaskService tasks = execution.getProcessEngineServices().getTaskService();
            String message = "Reminder: the patch window " + WindowVariables.WINDOW.from(execution).orElse(null)
                    + " is not approved yet. It is skipped unless a change manager other than "
                    + PatchVariables.REQUESTER.from(execution).orElse(null) + " approves it before it opens.";
            for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(APPROVAL_TASK).list()) {
                tasks.setPriority(task.getId(), 90);
                tasks.createComment(task.getId(), execution.getProcessInstanceId(), message);
            }
            PatchVariables.REMINDERS_SENT.set(execution, PatchVariables.REMINDERS_SENT.orElse(execution, 0) + 1);
        }
    }

    /** Records why the run ended without patching. */
    @Component("recordSkippedWindowDelegate")
    static class RecordSkippedWindowDelegate implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            PatchVariables.PATCH_OUTCOME.set(execution, "skipped: the window "
                    + WindowVariables.WINDOW.from(execution).orElse(null) + " opened without the approval of a change"
                    + " manager other than the requester " + PatchVariables.REQUESTER.from(execution).orElse(null));
        }
    }
}
