package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The counter of a timer-and-check loop, compared with {@code maxPolls} by the model. */
final class Polls {

    private Polls() {
    }

    static void count(DelegateExecution execution) {
        Object count = execution.getVariable(PostInstallationVariables.POLL_COUNT);
        execution.setVariable(PostInstallationVariables.POLL_COUNT, (count instanceof Number n ? n.intValue() : 0) + 1);
    }
}
