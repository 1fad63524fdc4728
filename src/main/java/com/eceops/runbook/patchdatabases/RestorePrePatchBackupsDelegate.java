package com.eceops.runbook.patchdatabases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.sql.DatabaseFacts;

/**
 * Rollback step 3: each ECE database restored on the primary from its pre-patch backup WITH REPLACE, RECOVERY.
 * The operation's own guard refuses it while the database is joined, on a secondary, on a server that neither
 * took the backup nor is primary, and from a file that fails RESTORE VERIFYONLY. A database restored from its
 * file already is left alone.
 */
@Component("restorePrePatchBackupsDelegate")
class RestorePrePatchBackupsDelegate extends RunbookStep {

    RestorePrePatchBackupsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        RollbackPlan plan = RollbackPlan.of(execution, run);
        for (String database : plan.databases()) {
            PrePatchBackupSet.Backup backup = plan.backups().of(database);
            run.sql().restoreDatabaseBeforePatch(plan.primary(), database, plan.source(database), backup.position(), backup.server());
        }
        for (String database : plan.databases()) {
            DatabaseFacts facts = run.sql().readDatabases(plan.primary()).stream().filter(d -> d.name().equalsIgnoreCase(database))
                    .findFirst().orElseThrow(() -> new OperationFailedException(plan.primary(), "restore " + database, "it does not exist"));
            if (!"ONLINE".equals(facts.state()) || run.sql().lastRestoreFrom(plan.primary(), database, plan.source(database)).isEmpty()) {
                throw new OperationFailedException(plan.primary(), "restore " + database, "it is " + facts.state()
                        + " and not restored from " + plan.source(database));
            }
        }
    }
}
