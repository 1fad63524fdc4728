package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The counter of a timer-and-check loop, compared with {@code maxPolls} by the model. */
final class Polls {

    private Polls() {
    }

    static void count(DelegateExecution execution) {
        CiscoServiceVariables.POLL_COUNT.set(execution, CiscoServiceVariables.POLL_COUNT.orElse(execution, 0) + 1);
    }

    /** A new loop starts counting from nought. */
    static void reset(DelegateExecution execution) {
        CiscoServiceVariables.POLL_COUNT.set(execution, 0);
    }
}
