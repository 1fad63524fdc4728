package com.eceops.runbook.procedure.postinstall;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunVariables;
import com.eceops.runbook.run.WaitSettings;

/**
 * The wait after the Cisco service was started or stopped, measured against the document's times: up to 15 minutes
 * to start and 5-10 to stop (the estate's {@code patchStepEstimates.startServices} and {@code stopServices}), by the
 * servers' clock, which in a rehearsal is the lab's virtual one. A slow but normal start is waited for, however fast
 * or slow the rehearsal's clock runs; only a start or stop that takes longer goes to the operators. final-2's wait
 * for the login page after its own start is measured the same way.
 */
public final class CiscoServiceWait {

    /**
     * A clock that does not move (a rehearsal driven faster than its lab's time) would keep a wait going for ever:
     * after this many times the mode's poll limit the operators are asked anyway.
     */
    public static final int POLL_LIMITS_WITHOUT_TIME = 10;

    private CiscoServiceWait() {
    }

    /** The start or stop was just sent: the wait counts from now. */
    public static void begin(DelegateExecution execution, RunContext run) {
        RunVariables.POLL_COUNT.set(execution, 0);
        CiscoServiceVariables.CISCO_WAIT_SINCE.set(execution, run.clock().instant().toString());
    }

    /** One more look; whether the wait, not yet at its end, has now taken longer than {@code allowed}. */
    public static boolean lookedTooLong(DelegateExecution execution, RunContext run, boolean done, Duration allowed) {
        RunVariables.countPoll(execution);
        int polls = RunVariables.POLL_COUNT.orElse(execution, 0);
        // No reference yet (the operators' look clears it): the round counts from now, so their "look again" gives
        // the service the whole allowance once more.
        Instant since = CiscoServiceVariables.CISCO_WAIT_SINCE.from(execution).map(Instant::parse)
                .orElseGet(() -> {
                    Instant now = run.clock().instant();
                    CiscoServiceVariables.CISCO_WAIT_SINCE.set(execution, now.toString());
                    return now;
                });
        int pollLimit = RunVariables.MAX_POLLS.orElse(execution, WaitSettings.DEFAULT_MAX_POLLS) * POLL_LIMITS_WITHOUT_TIME;
        boolean tooLong = !done && (Duration.between(since, run.clock().instant()).compareTo(allowed) >= 0 || polls >= pollLimit);
        CiscoServiceVariables.CISCO_WAITED_TOO_LONG.set(execution, tooLong);
        return tooLong;
    }
}
