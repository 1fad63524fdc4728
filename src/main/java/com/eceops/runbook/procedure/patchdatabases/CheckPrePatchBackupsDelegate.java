package com.eceops.runbook.procedure.patchdatabases;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.procedure.postinstall.PostInstallationVariables;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.BackupVerification;
import com.eceops.runbook.technology.sql.PrePatchRestore;

/**
 * Rollback, before anything changes: notes the current primary and secondary, applies the DBA's corrected file
 * paths if any, and checks that each database's file, as the primary will read it (its own copy when it has one),
 * passes RESTORE VERIFYONLY ... WITH FILE, CHECKSUM and that its header (HEADERONLY) is the very backup set recorded
 * (database, full, LSNs). Anything else is an expected outcome for the DBAs (PrePatchBackupUnusable) while the
 * databases are still safe in the group.
 */
@Component("checkPrePatchBackupsDelegate")
class CheckPrePatchBackupsDelegate extends RunbookStep {

    CheckPrePatchBackupsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        // A decision left from an earlier rollback (callers pass all their variables in) must not answer this one's task.
        PatchDatabaseVariables.ROLLBACK_DECISION.remove(execution);
        PrePatchBackupSet backups = RollbackPlan.backupSet(execution);
        String primary = PrePatchBackupPlan.primaryThroughListener(run);
        String secondary = PrePatchBackupPlan.otherReplica(run, primary);
        backups = CorrectedBackupFiles.apply(execution, backups, primary, run.estate().databases().eceDatabases());
        List<String> failed = new ArrayList<>();
        for (String database : run.estate().databases().eceDatabases()) {
            if (!backups.has(database)) {
                failed.add(database + ": prePatchBackupSet has no backup of it");
                continue;
            }
            PrePatchBackupSet.Backup backup = backups.of(database);
            PrePatchRestore restore = RollbackPlan.restoreOf(backup, primary);
            BackupVerification verification = run.sql().verifyBackup(primary, restore.path(), restore.position());
            if (!verification.valid()) {
                failed.add(database + " on " + primary + ": " + restore.path() + ": " + verification.report());
                continue;
            }
            restore.mismatchWith(run.sql().readBackupHeader(primary, restore.path(), restore.position()))
                    .ifPresent(reason -> failed.add(database + " on " + primary + ": " + restore.path()
                            + " is not the recorded pre-patch backup: " + reason));
        }
        PatchDatabaseVariables.ROLLBACK_PRIMARY.set(execution, primary);
        PatchDatabaseVariables.ROLLBACK_SECONDARY.set(execution, secondary);
        if (!failed.isEmpty()) {
            throw new BpmnError(PatchDatabaseVariables.PRE_PATCH_BACKUP_UNUSABLE, String.join("\n", failed));
        }
        PostInstallationVariables.SEED_BACKUP_TAG.set(execution, RollbackPlan.reseedTag(execution, run));
        PatchDatabaseVariables.PRE_PATCH_BACKUP_REPORT.remove(execution);
    }
}
