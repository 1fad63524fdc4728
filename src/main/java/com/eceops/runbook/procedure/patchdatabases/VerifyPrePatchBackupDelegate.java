package com.eceops.runbook.procedure.patchdatabases;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
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
        TakenBackup taken = TakenBackup.of(execution, run, "verify");
        BackupVerification verification = run.sql().verifyBackup(taken.server(), taken.file(), taken.set().position());
        if (!verification.valid()) {
            throw new BpmnError(PatchDatabaseVariables.BACKUP_NOT_VERIFIED, taken.database() + " on " + taken.server() + ": "
                    + verification.path() + ": " + verification.report());
        }
    }
}
