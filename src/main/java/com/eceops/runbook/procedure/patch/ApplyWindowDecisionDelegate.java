package com.eceops.runbook.procedure.patch;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies the change managers' window decision: an extension moves {@code windowClosesAt}; a rollback sets
 * {@code rollBackRequested} (never withdrawn by a later extension), which the next window check acts on (a step in flight is never interrupted). Every
 * decision is appended to {@code windowDecisions}, the run's record of who extended or stopped it.
 */
@Component("applyWindowDecisionDelegate")
class ApplyWindowDecisionDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        if (!WindowDecision.decisionSeal(execution).equals(WindowVariables.WINDOW_DECISION_SEAL.from(execution).orElse(null))) {
            throw new IllegalStateException("the window decision was changed after the change manager made it;"
                    + " nothing was applied. Ask the change managers to decide again");
        }
        String decision = String.valueOf(WindowVariables.WINDOW_DECISION.from(execution).orElse(null));
        String by = String.valueOf(WindowVariables.WINDOW_DECIDED_BY.from(execution).orElse(null));
        String entry;
        if (WindowDecision.EXTEND.equals(decision)) {
            Date end = (Date) WindowVariables.NEW_WINDOW_END.from(execution).orElse(null);
            entry = "extended to " + end.toInstant() + " by " + by;
            WindowVariables.WINDOW_CLOSES_AT.set(execution, end);
            ApprovedRequest.sealWindowEnd(execution, end);
        } else {
            entry = "roll back decided by " + by;
            WindowVariables.ROLL_BACK_REQUESTED.set(execution, true);
        }
        Object before = WindowVariables.WINDOW_DECISIONS.from(execution).orElse(null);
        WindowVariables.WINDOW_DECISIONS.set(execution, before == null ? entry : before + "; " + entry);
        WindowVariables.WINDOW_DECISION_SEAL.remove(execution);
    }
}
