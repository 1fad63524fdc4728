package com.eceops.runbook.procedure.patchdatabases;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.BackupSetFacts;
import com.eceops.runbook.technology.sql.BackupVerification;

/**
 * patch-2.1, one database: RESTORE VERIFYONLY ... WITH FILE = (the set's position in msdb), CHECKSUM on the server
 * that wrote it. A file the server refuses is an expected outcome with a path in the model (BackupNotVerified, to
 * the DBAs), not an incident.
 */
@Component("verifyPrePatchBackupDelegate")
class VerifyPrePatchBackupDelegate extends RunbookStep {

    VerifyPrePatchBackupDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String database = DetachedStep.database(execution);
        String server = PatchDatabaseVariables.PRE_PATCH_BACKUP_SERVER.in(execution);
        String file = PrePatchBackupPlan.of(run).file(database);
        BackupSetFacts set = run.sql().readBackupSet(server, database, file).orElseThrow(() -> new OperationFailedException(
                server, "verify the pre-patch backup of " + database, "the backup history has no full backup of " + database + " in " + file));
        BackupVerification verification = run.sql().verifyBackup(server, file, set.position());
        if (!verification.valid()) {
            throw new BpmnError(PatchDatabaseVariables.BACKUP_NOT_VERIFIED, database + " on " + server + ": "
                    + verification.path() + ": " + verification.report());
        }
    }
}
