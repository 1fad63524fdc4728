package com.eceops.runbook.procedure.patch;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunVariables;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * The safe point before a step that cannot be interrupted ({@code windowStep}): the step may start only if its
 * estimate, plus the start that brings ECE back, fits in the time left until {@code windowClosesAt}, and only if no change manager has decided to roll
 * back in the meantime (a decision at the window's end takes effect here). Reads only; sets {@code stepFits},
 * {@code rollBackRequested} and the report the change managers see.
 */
@Component("compareEstimateWithWindowDelegate")
class CompareEstimateWithWindowDelegate extends RunbookStep {

    private static final String START_SERVICES = "startServices";

    private final PatchStepDurations durations;

    CompareEstimateWithWindowDelegate(RunOperations runs, PatchStepDurations durations) {
        super(runs);
        this.durations = durations;
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ApprovedRequest.checkWindowEnd(execution);
        String step = String.valueOf(WindowVariables.WINDOW_STEP.from(execution).orElse(null));
        PatchStepDurations.Estimate estimate = durations.estimate(run.estate(), execution.getProcessBusinessKey(), step);
        Instant closes = ((Date) WindowVariables.WINDOW_CLOSES_AT.from(execution).orElse(null)).toInstant();
        Duration left = Duration.between(PatchStepDurations.now(), closes);
        boolean rollBack = Boolean.TRUE.equals(WindowVariables.ROLL_BACK_REQUESTED.from(execution).orElse(null));
        // A step may start only if, after it, there is still time for the shortest way back to service: starting
        // ECE again. The start itself is that way back, so it reserves nothing.
        Duration back = START_SERVICES.equals(step) ? Duration.ZERO
                : durations.estimate(run.estate(), execution.getProcessBusinessKey(), START_SERVICES).duration();
        boolean fits = !rollBack && estimate.duration().plus(back).compareTo(left) <= 0;
        WindowVariables.ROLL_BACK_REQUESTED.set(execution, rollBack);
        WindowVariables.STEP_FITS.set(execution, fits);
        WindowVariables.WINDOW_REPORT.set(execution, describe(step, estimate, back, left, closes, execution));
    }

    private static String describe(String step, PatchStepDurations.Estimate estimate, Duration back, Duration left,
            Instant closes, DelegateExecution execution) {
        Object host = RunVariables.HOST.from(execution).orElse(null);
        String what = step + (host != null && "installPatch".equals(step) ? " on " + host : "");
        String leftText = left.isNegative() ? "the window closed " + minutes(left.negated()) + " ago"
                : minutes(left) + " left";
        String backText = back.isZero() ? "" : ", then starting ECE again about " + minutes(back);
        return what + " takes about " + minutes(estimate.duration()) + " (" + estimate.source() + ")" + backText + "; "
                + leftText
                + " until " + closes + " (" + WindowVariables.WINDOW.from(execution).orElse(null) + ")";
    }

    static String minutes(Duration d) {
        long m = (d.toSeconds() + 59) / 60;
        return m + " min";
    }
}
