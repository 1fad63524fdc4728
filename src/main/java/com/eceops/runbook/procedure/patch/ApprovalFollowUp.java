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
            String message = "Reminder: the patch window " + execution.getVariable(PatchVariables.WINDOW)
                    + " is not approved yet. It is skipped unless a change manager other than "
                    + execution.getVariable(PatchVariables.REQUESTER) + " approves it before it opens.";
            for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(APPROVAL_TASK).list()) {
                tasks.setPriority(task.getId(), 90);
                tasks.createComment(task.getId(), execution.getProcessInstanceId(), message);
            }
            Object sent = execution.getVariable(PatchVariables.REMINDERS_SENT);
            execution.setVariable(PatchVariables.REMINDERS_SENT, (sent instanceof Integer n ? n : 0) + 1);
        }
    }

    /** Records why the run ended without patching. */
    @Component("recordSkippedWindowDelegate")
    static class RecordSkippedWindowDelegate implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(PatchVariables.PATCH_OUTCOME, "skipped: the window "
                    + execution.getVariable(PatchVariables.WINDOW) + " opened without the approval of a change"
                    + " manager other than the requester " + execution.getVariable(PatchVariables.REQUESTER));
        }
    }
}
