package com.eceops.runbook.procedure.patchdatabases;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.BackupHeader;
import com.eceops.runbook.technology.sql.BackupSetFacts;
import com.eceops.runbook.technology.sql.BackupVerification;
import com.eceops.runbook.technology.sql.PrePatchRestore;

/**
 * patch-2.1, one database: the backup file copied to the same path on the other replica (post-4's copy), so that
 * losing the server that took it does not lose the rollback, and the rollback restores from a local file, never
 * through an admin share. A copy whose header already shows this backup set is left alone; the copy is read back
 * with VERIFYONLY and HEADERONLY on the other replica.
 */
@Component("copyPrePatchBackupDelegate")
class CopyPrePatchBackupDelegate extends RunbookStep {

    CopyPrePatchBackupDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        TakenBackup taken = TakenBackup.of(execution, run, "copy");
        String database = taken.database();
        String server = taken.server();
        String file = taken.file();
        BackupSetFacts set = taken.set();
        String other = PrePatchBackupPlan.otherReplica(run, server);
        PrePatchRestore expected = new PrePatchRestore(database, file, set.position(), set.firstLsn(), set.lastLsn(), server);
        if (expected.mismatchWith(header(run, other, file, set.position())).isEmpty()) {
            return;
        }
        run.windows().copyFile(server, file, other, file);
        BackupVerification verification = run.sql().verifyBackup(other, file, set.position());
        Optional<String> mismatch = expected.mismatchWith(header(run, other, file, set.position()));
        if (!verification.valid() || mismatch.isPresent()) {
            throw new BpmnError(PatchDatabaseVariables.BACKUP_NOT_VERIFIED, database + ": the copy on " + other + ": " + file + ": "
                    + (verification.valid() ? mismatch.get() : verification.report()));
        }
    }

    private static Optional<BackupHeader> header(RunContext run, String host, String file, int position) {
        return run.windows().fileExists(host, file) ? run.sql().readBackupHeader(host, file, position) : Optional.empty();
    }
}
