package com.eceops.runbook.procedure.patch;

import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.eceops.runbook.security.BuiltInTaskCheck;

/**
 * Four eyes on "Approve the patch window", enforced on the server whatever the client: the task cannot be
 * assigned to the requester, and it can only be completed by a signed-in member of change-managers who is not
 * the requester, with a decision. The requester is who started the run, from the engine's history, and the
 * approver is the signed-in user: never a variable. A refusal is a {@link BadUserRequestException} (REST 400,
 * Tasklist shows it) and the task stays open. An approval seals the request ({@link ApprovedRequest}). Put on
 * the task by the engine plugin as a built-in listener, so no model or API can leave it out.
 */
@Component
public class FourEyesApproval implements BuiltInTaskCheck {

    @Override
    public String formRef() {
        return "ApprovePatchWindow";
    }

    @Override
    public Set<String> events() {
        return Set.of(EVENTNAME_ASSIGNMENT, EVENTNAME_COMPLETE);
    }

    @Override
    public void notify(DelegateTask task) {
        String approver = SecondChangeManager.of(task, "approve its window");
        if (approver == null) {
            return;
        }
        String decision = PatchVariables.DECISION.answerIn(task).orElse(null);
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new BadUserRequestException("decision: choose approve or reject");
        }
        PatchVariables.APPROVER.set(task, approver);
        if ("approve".equals(decision)) {
            ApprovedRequest.seal(task.getExecution(), approver, ClockUtil.getCurrentTime());
            PatchVariables.APPROVAL_REASON.remove(task);
        }
    }
}
