package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * post-3.2 and post-3.3: a full and then a log backup of each ECE database on the primary, to the backup
 * directory under the database's name. Backups are idempotent by path, so a rerun adds none.
 */
@Component("backUpEceDatabasesDelegate")
class BackUpEceDatabasesDelegate extends RunbookStep {

    BackUpEceDatabasesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        for (String database : plan.databases()) {
            run.sql().backupDatabase(plan.primary(), database, plan.fullBackup(database), true);
            run.sql().backupLog(plan.primary(), database, plan.logBackup(database));
        }
        for (String database : plan.databases()) {
            var facts = run.sql().readDatabases(plan.primary()).stream().filter(d -> d.name().equalsIgnoreCase(database)).findFirst();
            if (facts.isEmpty() || facts.get().lastFullBackup().isEmpty() || facts.get().lastLogBackup().isEmpty()) {
                throw new OperationFailedException(plan.primary(), "back up " + database, "no full and log backup in its history");
            }
            for (String file : new String[] {plan.fullBackup(database), plan.logBackup(database)}) {
                if (!run.windows().fileExists(plan.primary(), file)) {
                    throw new OperationFailedException(plan.primary(), "back up " + database, "no " + file);
                }
            }
        }
    }
}
