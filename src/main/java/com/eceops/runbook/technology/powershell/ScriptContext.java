package com.eceops.runbook.technology.powershell;

import java.time.Duration;
import java.util.Optional;

import com.eceops.runbook.operations.OperationFailedException;
import java.util.function.Supplier;

/**
 * What every PowerShell implementation of an operations interface runs with: the sessions to the estate's
 * hosts, the procedure step now running (errors and the plan name it), where changes are recorded, whether
 * this is a plan (changes recorded, never sent) and how long one command may take.
 */
public record ScriptContext(RemoteSessions sessions, Supplier<String> step, ScriptRecorder recorder, boolean plan,
                            Duration timeout) {

    /** A run: scripts are sent; nothing is recorded for a plan. */
    public static ScriptContext live(RemoteSessions sessions, Supplier<String> step, Duration timeout) {
        return new ScriptContext(sessions, step, ScriptRecorder.NONE, false, timeout);
    }

    /** A plan: every change is handed to {@code recorder} and never sent; the sessions are never opened for it. */
    public static ScriptContext recording(RemoteSessions sessions, Supplier<String> step, ScriptRecorder recorder,
                                          Duration timeout) {
        return new ScriptContext(sessions, step, recorder, true, timeout);
    }

    /** The same context for commands that may take up to {@code longer} (never shorter than this one's). */
    public ScriptContext atLeast(Duration longer) {
        return new ScriptContext(sessions, step, recorder, plan, longer.compareTo(timeout) > 0 ? longer : timeout);
    }

    /**
     * Records a change in a plan under the host and route a live run would take; a change the inventory's
     * {@code doubleHop} would refuse is recorded as refused, and the plan goes on.
     */
    public void recordPlanned(String host, PowerShellScript script, Optional<String> owner) {
        HopRoute route;
        try {
            route = HopRoute.choose(sessions.target(host), script.operation(), script.reach(), owner);
        } catch (OperationFailedException refused) {
            recorder.refused(host, step.get(), script.operation(), refused.reason(), script.shown());
            return;
        }
        if (route instanceof HopRoute.ScheduledTask && script.carriesSecret()) {
            recorder.refused(host, step.get(), script.operation(), "doubleHop scheduled-task: "
                    + DetachedCommands.NO_SECRET_IN_A_FILE + "; use resource-owner or ssh-password", script.shown());
            return;
        }
        recorder.record(route.host(), step.get(), script.operation() + HopRoute.describe(route), script.shown());
    }

    public PowerShellRunner runner() {
        return new PowerShellRunner(sessions);
    }

    /** Detached commands over {@code runner}, recorded instead of started in a plan. */
    public DetachedCommands detached(PowerShellRunner runner) {
        return new DetachedCommands(runner, recorder, plan, timeout);
    }
}
