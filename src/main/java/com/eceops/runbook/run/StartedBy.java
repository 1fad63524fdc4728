package com.eceops.runbook.run;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who started a run: the authenticated user of the request, or the runbook itself (a timer, the headless runner). */
final class StartedBy {

    private StartedBy() {
    }

    static String of(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }
}
