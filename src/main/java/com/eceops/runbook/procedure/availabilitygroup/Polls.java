package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The counter of a timer-and-check loop, compared with {@code maxPolls} by the model. */
final class Polls {

    private Polls() {
    }

    static void count(DelegateExecution execution) {
        Object count = execution.getVariable(AvailabilityGroupVariables.POLL_COUNT);
        execution.setVariable(AvailabilityGroupVariables.POLL_COUNT, (count instanceof Number n ? n.intValue() : 0) + 1);
    }
}
