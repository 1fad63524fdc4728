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
        if (!WindowDecision.decisionSeal(execution).equals(execution.getVariable(PatchVariables.WINDOW_DECISION_SEAL))) {
            throw new IllegalStateException("the window decision was changed after the change manager made it;"
                    + " nothing was applied. Ask the change managers to decide again");
        }
        String decision = String.valueOf(execution.getVariable(PatchVariables.WINDOW_DECISION));
        String by = String.valueOf(execution.getVariable(PatchVariables.WINDOW_DECIDED_BY));
        String entry;
        if (WindowDecision.EXTEND.equals(decision)) {
            Date end = (Date) execution.getVariable(PatchVariables.NEW_WINDOW_END);
            entry = "extended to " + end.toInstant() + " by " + by;
            execution.setVariable(PatchVariables.WINDOW_CLOSES_AT, end);
            ApprovedRequest.sealWindowEnd(execution, end);
        } else {
            entry = "roll back decided by " + by;
            execution.setVariable(PatchVariables.ROLL_BACK_REQUESTED, true);
        }
        Object before = execution.getVariable(PatchVariables.WINDOW_DECISIONS);
        execution.setVariable(PatchVariables.WINDOW_DECISIONS, before == null ? entry : before + "; " + entry);
        execution.removeVariable(PatchVariables.WINDOW_DECISION_SEAL);
    }
}
