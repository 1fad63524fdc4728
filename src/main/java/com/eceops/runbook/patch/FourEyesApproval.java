package com.eceops.runbook.patch;

import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
        String requester = PatchRequester.of(task);
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
        boolean changeManager = signedIn(user);
        if (!changeManager) {
            throw new BadUserRequestException("four eyes: " + approver + " is not a member of change-managers");
        }
        Object decision = task.getVariable(PatchVariables.DECISION);
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new BadUserRequestException("decision: choose approve or reject");
        }
        task.setVariable(PatchVariables.APPROVER, approver);
        task.setVariable(PatchVariables.REQUESTER, requester);
        if ("approve".equals(decision)) {
            ApprovedRequest.seal(task.getExecution(), approver, ClockUtil.getCurrentTime());
            task.removeVariable(PatchVariables.APPROVAL_REASON);
        }
    }

    /** Membership as the engine authenticated the caller, not as a query the caller may not be allowed to run. */
    private static boolean signedIn(Authentication user) {
        return user.getGroupIds() != null && user.getGroupIds().contains(PatchVariables.CHANGE_MANAGERS);
    }
}
