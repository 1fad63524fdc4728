package com.eceops.runbook.procedure.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Brings a window check's outcome back into the patch run without overwriting what changed there meanwhile: the
 * window's end watch may have decided while the check ran, so copying all of the check's variables back would put
 * its stale {@code rollBackRequested=false} and older {@code windowClosesAt} over that decision. Merged instead: a
 * rollback request is never withdrawn, the later end wins, and the decision records of both are kept.
 */
@Component("windowCheckOutcome")
class WindowCheckOutcome implements DelegateVariableMapping {

    @Override
    public void mapInputVariables(DelegateExecution execution, VariableMap variables) {
        // camunda:in on the call activity passes the run's variables and the step in question.
    }

    @Override
    public void mapOutputVariables(DelegateExecution execution, VariableScope check) {
        boolean rollBack = Boolean.TRUE.equals(execution.getVariable(PatchVariables.ROLL_BACK_REQUESTED))
                || Boolean.TRUE.equals(check.getVariable(PatchVariables.ROLL_BACK_REQUESTED));
        execution.setVariable(PatchVariables.ROLL_BACK_REQUESTED, rollBack);
        Date runEnd = (Date) execution.getVariable(PatchVariables.WINDOW_CLOSES_AT);
        Date checkEnd = (Date) check.getVariable(PatchVariables.WINDOW_CLOSES_AT);
        if (checkEnd != null && (runEnd == null || checkEnd.after(runEnd))) {
            execution.setVariable(PatchVariables.WINDOW_CLOSES_AT, checkEnd);
            // The later end comes back with the seal its extension was given.
            execution.setVariable(PatchVariables.WINDOW_END_SEAL, check.getVariable(PatchVariables.WINDOW_END_SEAL));
        }
        String decisions = mergeDecisions(execution.getVariable(PatchVariables.WINDOW_DECISIONS),
                check.getVariable(PatchVariables.WINDOW_DECISIONS));
        if (decisions != null) {
            execution.setVariable(PatchVariables.WINDOW_DECISIONS, decisions);
        }
        for (String name : List.of(PatchVariables.STEP_FITS, PatchVariables.WINDOW_REPORT)) {
            if (check.hasVariable(name)) {
                execution.setVariable(name, check.getVariable(name));
            }
        }
    }

    /** The run's entries in their order, then the check's new ones; both started from the same record. */
    static String mergeDecisions(Object run, Object check) {
        LinkedHashSet<String> entries = new LinkedHashSet<>();
        for (Object record : new Object[] {run, check}) {
            if (record != null && !record.toString().isBlank()) {
                entries.addAll(Arrays.asList(record.toString().split("; ")));
            }
        }
        return entries.isEmpty() ? null : String.join("; ", new ArrayList<>(entries));
    }
}
