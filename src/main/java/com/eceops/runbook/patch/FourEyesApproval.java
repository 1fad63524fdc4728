package com.eceops.runbook.patch;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Four eyes on "Approve the patch window", enforced on the server whatever the client: the task cannot be
 * assigned to the requester, and it can only be completed by a signed-in member of change-managers who is not
 * the requester, with a decision. A refusal is a {@link BadUserRequestException} (REST 400, Tasklist shows it) and
 * the task stays open. Records the approver.
 */
@Component("fourEyesApproval")
public class FourEyesApproval implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String requester = String.valueOf(task.getVariable(PatchVariables.REQUESTER));
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (requester.equals(task.getAssignee())) {
                throw new BadUserRequestException("four eyes: " + requester + " registered this patch and cannot"
                        + " approve its window; another change manager must");
            }
            return;
        }
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        Authentication user = identity.getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw new BadUserRequestException("four eyes: the patch window must be approved by a signed-in change"
                    + " manager");
        }
        String approver = user.getUserId();
        if (approver.equals(requester)) {
            throw new BadUserRequestException("four eyes: " + approver + " registered this patch and cannot approve"
                    + " its window; another member of change-managers must");
        }
        boolean changeManager = identity.createGroupQuery().groupMember(approver)
                .groupId(PatchVariables.CHANGE_MANAGERS).count() > 0;
        if (!changeManager) {
            throw new BadUserRequestException("four eyes: " + approver + " is not a member of change-managers");
        }
        Object decision = task.getVariable(PatchVariables.DECISION);
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new BadUserRequestException("decision: choose approve or reject");
        }
        task.setVariable(PatchVariables.APPROVER, approver);
    }
}
