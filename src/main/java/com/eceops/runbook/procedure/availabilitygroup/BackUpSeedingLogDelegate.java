package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-6.3 (initial data synchronisation, "full database and log backup"): the log backup of AGTemp next to its
 * full backup, in the directory the secondary reads through the primary's administrative share. A log backup
 * already at that path changes nothing.
 */
@Component("backUpSeedingLogDelegate")
class BackUpSeedingLogDelegate extends RunbookStep {

    BackUpSeedingLogDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        run.sql().backupLog(plan.primary(), plan.seedingDatabase(), plan.logBackup());
    }
}
