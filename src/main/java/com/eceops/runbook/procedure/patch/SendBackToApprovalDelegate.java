package com.eceops.runbook.procedure.patch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A request changed after its approval: the old approval no longer holds. Its seal is withdrawn, so that no
 * later step can run on it, and the approval form says why it is asked again ({@code approvalReason}, which the
 * error's message filled).
 */
@Component("sendBackToApprovalDelegate")
class SendBackToApprovalDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String reason = PatchVariables.APPROVAL_REASON.orElse(execution, "changed after approval");
        PatchVariables.APPROVAL_REASON.set(execution, "Approval asked again: the request " + reason + ".");
        PatchVariables.APPROVED_REQUEST.remove(execution);
        PatchVariables.APPROVAL_SEAL.remove(execution);
        PatchVariables.DECISION.remove(execution);
    }
}
