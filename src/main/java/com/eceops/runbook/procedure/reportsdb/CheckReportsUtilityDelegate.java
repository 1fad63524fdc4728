package com.eceops.runbook.procedure.reportsdb;

import com.eceops.runbook.technology.reportsdb.UtilityRun;
import com.eceops.runbook.technology.reportsdb.UtilityStatus;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.run.RunVariables;

/**
 * post-7: one look at the running utility. Still running: the loop waits again (and escalates after maxPolls).
 * Ended: its log must have the success line and SSISDB must be on the secondary; otherwise the run becomes an
 * incident whose message carries the log's tail, which is where the document says to look.
 */
@Component("checkReportsUtilityDelegate")
class CheckReportsUtilityDelegate extends RunbookStep {

    static final String OPERATION = "run reportsdb_utility.bat createDBObjects";

    CheckReportsUtilityDelegate(RunOperations runs) {
        super(runs);
    }

    /**
     * Cockpit keeps the first 666 characters of an incident message, so the message carries the end of the log,
     * where the utility reports what went wrong; the whole tail is the cause in the stack trace.
     */
    static String end(String tail) {
        return tail.length() <= TAIL_CHARS ? tail : "…" + tail.substring(tail.length() - TAIL_CHARS);
    }

    private static final int TAIL_CHARS = 420;

    /** Carries the whole tail into the incident's stack trace ("Caused by"), where Cockpit shows it in full. */
    static final class FullTail extends RuntimeException {
        FullTail(String tail) {
            super("the utility's log tail:\n" + tail, null, false, false);
        }
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ReportsDbPlan plan = ReportsDbPlan.of(run.estate(), execution::getVariable);
        UtilityRun started = UtilityRun.fromVariable(ReportsDbVariables.RUN.from(execution).orElse(null));
        int polls = RunVariables.countPoll(execution);
        UtilityStatus status = run.reportsDb().poll(started);
        if (status instanceof UtilityStatus.Running) {
            ReportsDbVariables.FINISHED.set(execution, false);
            ReportsDbVariables.REPORT.set(execution, "reportsdb_utility.bat createDBObjects still runs on "
                    + started.host() + " after " + polls + " checks.");
            return;
        }
        if (status instanceof UtilityStatus.Lost lost) {
            throw new OperationFailedException(started.host(), OPERATION, lost.reason());
        }
        UtilityStatus.Finished finished = (UtilityStatus.Finished) status;
        Optional<String> log = run.reportsDb().readLogTail(started.host(), started.directory());
        if (!UtilityOutcome.logSaysSuccess(log)) {
            String tail = log.orElse(finished.outputTail());
            throw new OperationFailedException(started.host(), OPERATION, "ended (exit code " + finished.exitCode()
                    + ") without the success line; " + (log.isPresent() ? "log tail:\n" : "no *ReportsDBUtil.log in its"
                    + " logs folder; output:\n") + end(tail), new FullTail(tail));
        }
        if (!UtilityOutcome.catalogOnSecondary(run, plan)) {
            throw new OperationFailedException(plan.secondary(), OPERATION, "the log says it succeeded, but SSISDB is not"
                    + " on " + plan.secondary() + "; log tail:\n" + end(log.get()), new FullTail(log.get()));
        }
        ReportsDbVariables.FINISHED.set(execution, true);
        ReportsDbVariables.REPORT.set(execution, "The ReportsDB utility ran successfully; SSISDB is on "
                + plan.secondary() + ".");
    }
}
