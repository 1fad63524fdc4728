package com.eceops.runbook.procedure.reportsdb;

import com.eceops.runbook.technology.reportsdb.UtilityRun;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.run.RunVariables;

/**
 * post-7, task 4: starts {@code reportsdb_utility.bat createDBObjects} detached and returns; the model's timer loop
 * polls it. A utility that already succeeded (its log has the success line and SSISDB is on the secondary) is not
 * run again, so a rerun of post-7 changes nothing.
 */
@Component("startReportsUtilityDelegate")
class StartReportsUtilityDelegate extends RunbookStep {

    StartReportsUtilityDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ReportsDbPlan plan = ReportsDbPlan.of(run.estate(), execution::getVariable);
        boolean done = UtilityOutcome.succeeded(run, plan);
        ReportsDbVariables.ALREADY_DONE.set(execution, done);
        RunVariables.POLL_COUNT.set(execution, 0);
        ReportsDbVariables.FINISHED.set(execution, done);
        if (done) {
            ReportsDbVariables.REPORT.set(execution, "The ReportsDB utility had already run successfully; SSISDB is on "
                    + plan.secondary() + ".");
            return;
        }
        UtilityRun started = run.reportsDb().startCreateDbObjects(plan.host(), plan.directory());
        ReportsDbVariables.RUN.set(execution, started.toVariable());
        ReportsDbVariables.REPORT.set(execution, "reportsdb_utility.bat createDBObjects started on " + plan.host()
                + " in " + plan.directory() + ".");
    }
}
