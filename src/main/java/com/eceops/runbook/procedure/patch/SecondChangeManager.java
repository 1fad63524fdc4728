package com.eceops.runbook.procedure.patch;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Four eyes on a change manager's task (the window's approval, a window decision): the task may not be assigned to
 * the patch's requester, and only a signed-in member of change-managers other than the requester may complete it.
 * The requester comes from the engine's history ({@link PatchRequester}), the one who acts and their groups from
 * the engine's authentication: never from a variable. A refusal is a {@link BadUserRequestException} (REST 400)
 * and the task stays open.
 */
final class SecondChangeManager {

    private SecondChangeManager() {
    }

    /**
     * On assignment: refuses the requester as assignee and answers null. On completion: the signed-in change
     * manager who acts, or a refusal saying why ({@code act} reads "approve its window", "decide on its window").
     */
    static String of(DelegateTask task, String act) {
        String requester = PatchRequester.of(task);
        if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (requester.equals(task.getAssignee())) {
                throw new BadUserRequestException("four eyes: " + requester + " registered this patch and cannot "
                        + act + "; another change manager must");
            }
            return null;
        }
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw new BadUserRequestException("four eyes: only a signed-in change manager may " + act);
        }
        if (user.getUserId().equals(requester)) {
            throw new BadUserRequestException("four eyes: " + requester + " registered this patch and cannot " + act
                    + "; another member of change-managers must");
        }
        // Membership as the engine authenticated the caller, not a group query the caller may not be allowed to run.
        if (user.getGroupIds() == null || !user.getGroupIds().contains(PatchVariables.CHANGE_MANAGERS)) {
            throw new BadUserRequestException("four eyes: " + user.getUserId() + " is not a member of change-managers");
        }
        return user.getUserId();
    }
}
