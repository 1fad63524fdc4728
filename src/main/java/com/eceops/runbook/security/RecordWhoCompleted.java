package com.eceops.runbook.security;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Makes the task's history name the signed-in person who completed it. Over REST a task can be completed
 * without being claimed; its history would then name nobody.
 */
final class RecordWhoCompleted implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user != null && user.getUserId() != null && !user.getUserId().equals(task.getAssignee())) {
            task.setAssignee(user.getUserId());
        }
    }
}
