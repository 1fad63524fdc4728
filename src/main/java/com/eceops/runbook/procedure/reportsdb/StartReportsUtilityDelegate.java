package com.eceops.runbook.procedure.reportsdb;

import com.eceops.runbook.technology.reportsdb.UtilityRun;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

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
        execution.setVariable(ReportsDbVariables.ALREADY_DONE, done);
        execution.setVariable(ReportsDbVariables.POLL_COUNT, 0);
        execution.setVariable(ReportsDbVariables.FINISHED, done);
        if (done) {
            execution.setVariable(ReportsDbVariables.REPORT, "The ReportsDB utility had already run successfully; SSISDB is on "
                    + plan.secondary() + ".");
            return;
        }
        UtilityRun started = run.reportsDb().startCreateDbObjects(plan.host(), plan.directory());
        execution.setVariable(ReportsDbVariables.RUN, started.toVariable());
        execution.setVariable(ReportsDbVariables.REPORT, "reportsdb_utility.bat createDBObjects started on " + plan.host()
                + " in " + plan.directory() + ".");
    }
}
