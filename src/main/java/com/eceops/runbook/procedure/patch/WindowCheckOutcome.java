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
        boolean rollBack = Boolean.TRUE.equals(WindowVariables.ROLL_BACK_REQUESTED.from(execution).orElse(null))
                || Boolean.TRUE.equals(WindowVariables.ROLL_BACK_REQUESTED.from(check).orElse(null));
        WindowVariables.ROLL_BACK_REQUESTED.set(execution, rollBack);
        Date runEnd = WindowVariables.WINDOW_CLOSES_AT.from(execution).orElse(null);
        Date checkEnd = WindowVariables.WINDOW_CLOSES_AT.from(check).orElse(null);
        if (checkEnd != null && (runEnd == null || checkEnd.after(runEnd))) {
            WindowVariables.WINDOW_CLOSES_AT.set(execution, checkEnd);
            // The later end comes back with the seal its extension was given.
            WindowVariables.WINDOW_END_SEAL.set(execution, WindowVariables.WINDOW_END_SEAL.from(check).orElse(null));
        }
        String decisions = mergeDecisions(WindowVariables.WINDOW_DECISIONS.from(execution).orElse(null),
                WindowVariables.WINDOW_DECISIONS.from(check).orElse(null));
        if (decisions != null) {
            WindowVariables.WINDOW_DECISIONS.set(execution, decisions);
        }
        WindowVariables.STEP_FITS.from(check).ifPresent(fits -> WindowVariables.STEP_FITS.set(execution, fits));
        WindowVariables.WINDOW_REPORT.from(check).ifPresent(report -> WindowVariables.WINDOW_REPORT.set(execution, report));
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
