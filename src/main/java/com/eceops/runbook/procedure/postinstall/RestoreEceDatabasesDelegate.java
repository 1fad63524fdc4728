package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.DatabaseFacts;
import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;

/**
 * post-4: RESTORE DATABASE and RESTORE LOG WITH NORECOVERY of the three ECE databases on the secondary. Refused
 * when the target is the primary replica at that moment. A copy already joined to the group is left alone; a copy
 * that is there but not joined (left behind when its database left the group) is replaced WITH REPLACE.
 */
@Component("restoreEceDatabasesDelegate")
class RestoreEceDatabasesDelegate extends RunbookStep {

    RestoreEceDatabasesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        String target = plan.secondary();
        RestoreGuard.notOnPrimary(run.sql().readAvailabilityGroup(target, plan.group()), target);
        for (String database : plan.databases()) {
            if (find(run, target, database).map(DatabaseFacts::inAvailabilityGroup).orElse(false)) {
                continue;
            }
            if (find(run, target, database).isPresent()) {
                // A stale copy that left the group (re-seed after a rollback): replaced, on the secondary only.
                run.sql().replaceSecondaryCopy(target, database, plan.fullBackup(database));
            } else {
                run.sql().restoreDatabase(target, database, plan.fullBackup(database), Recovery.NORECOVERY);
            }
            run.sql().restoreLog(target, database, plan.logBackup(database), Recovery.NORECOVERY);
            boolean restoring = find(run, target, database).map(d -> "RESTORING".equalsIgnoreCase(d.state())).orElse(false);
            if (!restoring) {
                throw new OperationFailedException(target, "RESTORE " + database, "the copy is not in RESTORING state");
            }
        }
    }

    private static java.util.Optional<DatabaseFacts> find(RunContext run, String host, String database) {
        return run.sql().readDatabases(host).stream().filter(d -> d.name().equalsIgnoreCase(database)).findFirst();
    }
}
