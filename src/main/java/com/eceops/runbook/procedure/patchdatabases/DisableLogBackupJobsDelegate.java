package com.eceops.runbook.procedure.patchdatabases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * Rollback, before the databases leave the group: the log backup job stops on both replicas ({@link LogBackupJobs}).
 */
@Component("disableLogBackupJobsDelegate")
class DisableLogBackupJobsDelegate extends RunbookStep {

    DisableLogBackupJobsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        LogBackupJobs.set(run, RollbackPlan.of(execution, run), false);
    }
}
