package com.eceops.runbook.procedure.patch;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Patch tasks whose answer the process needs before it goes on (Camunda Forms do not enforce their own
 * required fields on the server): the validation decision must be one of its two choices, the gadget test must
 * say whether the agent could log in, the chat templates must be confirmed merged.
 */
@Component("patchTaskChecks")
class PatchTaskChecks implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case "Task_DecideAfterFailedValidation" -> {
                String decision = PatchVariables.VALIDATION_DECISION.answerIn(task).orElse(null);
                if (!"checkAgain".equals(decision) && !"rollBack".equals(decision)) {
                    throw new BadUserRequestException("validationDecision: choose checkAgain or rollBack");
                }
            }
            case "Task_TestFinesseGadget" -> {
                if (PatchVariables.GADGET_LOGIN_WORKED.answerIn(task).isEmpty()) {
                    throw new BadUserRequestException("gadgetLoginWorked: say whether the agent could log in to the gadget");
                }
            }
            case "Task_MergeChatTemplates" -> {
                if (!PatchVariables.CHAT_TEMPLATES_MERGED.answerIn(task).orElse(false)) {
                    throw new BadUserRequestException("chatTemplatesMerged: confirm the listed templates are merged");
                }
            }
            default -> {
            }
        }
    }
}
