package com.eceops.runbook.procedure.reportsdb;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * post-7, task 1: the "ReportsDB Utility (SQL Server Always ON)" directory on the drive ECE is installed on. A copy
 * that is there already is kept: it carries the edits of the next two steps.
 */
@Component("copyReportsUtilityDelegate")
class CopyReportsUtilityDelegate extends RunbookStep {

    CopyReportsUtilityDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ReportsDbPlan plan = ReportsDbPlan.of(run.estate(), execution::getVariable);
        if (!copied(run, plan)) {
            run.reportsDb().copyDirectory(plan.host(), plan.source(), plan.directory());
        }
        if (!copied(run, plan)) {
            throw new OperationFailedException(plan.host(), "copy the ReportsDB utility", "no " + ReportsDbPlan.BATCH_FILE
                    + " and " + ReportsDbPlan.PROPERTIES_FILE + " in " + plan.directory() + " after copying " + plan.source());
        }
    }

    private static boolean copied(RunContext run, ReportsDbPlan plan) {
        return run.windows().fileExists(plan.host(), plan.batchFile())
                && run.windows().fileExists(plan.host(), plan.propertiesFile());
    }
}
