package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;

/**
 * pre-6.3 (initial synchronisation): restores AGTemp's full and log backups WITH NORECOVERY on the secondary, from
 * its own backup directory, where the step before copied them. A copy already joined to the group is left alone.
 */
@Component("restoreSeedingDatabaseDelegate")
class RestoreSeedingDatabaseDelegate extends RunbookStep {

    RestoreSeedingDatabaseDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        String secondary = plan.secondary();
        boolean joined = Databases.find(run.sql().readDatabases(secondary), plan.seedingDatabase())
                .map(d -> d.inAvailabilityGroup()).orElse(false);
        if (!joined) {
            run.sql().restoreDatabase(secondary, plan.seedingDatabase(), plan.fullBackup(), Recovery.NORECOVERY);
            run.sql().restoreLog(secondary, plan.seedingDatabase(), plan.logBackup(), Recovery.NORECOVERY);
        }
    }
}
