package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.eceops.runbook.run.RunVariables;

/** The counter of a timer-and-check loop, compared with {@code maxPolls} by the model. */
final class Polls {

    private Polls() {
    }

    static void count(DelegateExecution execution) {
        Object count = RunVariables.POLL_COUNT.from(execution).orElse(null);
        RunVariables.POLL_COUNT.set(execution, (count instanceof Number n ? n.intValue() : 0) + 1);
    }
}
