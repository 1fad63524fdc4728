package com.eceops.runbook.procedure.patchdatabases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * Rollback, after the databases have joined the group again and synchronized: the log backup job runs again on both replicas
 * ({@link LogBackupJobs}).
 */
@Component("enableLogBackupJobsDelegate")
class EnableLogBackupJobsDelegate extends RunbookStep {

    EnableLogBackupJobsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        LogBackupJobs.set(run, RollbackPlan.of(execution, run), true);
    }
}
