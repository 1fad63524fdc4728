package com.eceops.runbook.procedure.patchdatabases;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.technology.sql.BackupSetFacts;

/**
 * The pre-patch backup of one database as the server that took it records it: the set in msdb's history, which the
 * verify and the copy both work from. No such set in the file is a failure of the step, named with what it was for.
 */
record TakenBackup(String database, String server, String file, BackupSetFacts set) {

    static TakenBackup of(DelegateExecution execution, RunContext run, String doing) {
        String database = DetachedStep.database(execution);
        String server = PatchDatabaseVariables.PRE_PATCH_BACKUP_SERVER.in(execution);
        String file = PrePatchBackupPlan.of(run).file(database);
        BackupSetFacts set = run.sql().readBackupSet(server, database, file).orElseThrow(() -> new OperationFailedException(
                server, doing + " the pre-patch backup of " + database, "the backup history has no full backup of "
                        + database + " in " + file));
        return new TakenBackup(database, server, file, set);
    }
}
