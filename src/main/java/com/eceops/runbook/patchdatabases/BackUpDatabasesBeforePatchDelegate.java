package com.eceops.runbook.patchdatabases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * patch-2.1: a full backup of each ECE database on the replica the listener points to, one file per database and
 * run. A file of this run that is in that server's backup history and passes RESTORE VERIFYONLY is left alone, so a
 * rerun changes nothing; any other file (missing, damaged) is written again WITH INIT. The next task verifies.
 */
@Component("backUpDatabasesBeforePatchDelegate")
class BackUpDatabasesBeforePatchDelegate extends RunbookStep {

    BackUpDatabasesBeforePatchDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PrePatchBackupPlan plan = PrePatchBackupPlan.of(run);
        Object noted = execution.getVariable(PatchDatabaseVariables.PRE_PATCH_BACKUP_SERVER);
        // A retry keeps the server of the first attempt: the files already there are on its disk.
        String server = noted != null ? noted.toString() : PrePatchBackupPlan.primaryThroughListener(run);
        for (String database : plan.databases()) {
            String file = plan.file(database);
            boolean done = run.sql().readBackupSet(server, database, file).isPresent() && run.sql().verifyBackup(server, file).valid();
            if (!done) {
                run.sql().backupDatabaseBeforePatch(server, database, file);
            }
        }
        execution.setVariable(PatchDatabaseVariables.PRE_PATCH_BACKUP_SERVER, server);
    }
}
