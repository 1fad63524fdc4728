package com.eceops.runbook.patchdatabases;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.postinstall.PostInstallationVariables;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.sql.BackupVerification;

/**
 * Rollback, before anything changes: the backup set names a backup of each ECE database, and each file passes
 * RESTORE VERIFYONLY on the server that took it; a file that does not is an expected outcome for the DBAs
 * (error PrePatchBackupUnusable), while the databases are still safe in the group. Notes the current primary
 * and secondary, and the tag that gives the re-seed's backups names of their own.
 */
@Component("checkPrePatchBackupsDelegate")
class CheckPrePatchBackupsDelegate extends RunbookStep {

    CheckPrePatchBackupsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PrePatchBackupSet backups = RollbackPlan.backupSet(execution);
        List<String> failed = new ArrayList<>();
        for (String database : run.estate().databases().eceDatabases()) {
            PrePatchBackupSet.Backup backup;
            try {
                backup = backups.of(database);
            } catch (IllegalArgumentException e) {
                throw new OperationFailedException("-", "read the pre-patch backup set", e.getMessage());
            }
            BackupVerification verification = run.sql().verifyBackup(backup.server(), backup.file());
            if (!verification.valid()) {
                failed.add(database + " on " + backup.server() + ": " + backup.file() + ": " + verification.report());
            }
        }
        if (!failed.isEmpty()) {
            throw new BpmnError(PatchDatabaseVariables.PRE_PATCH_BACKUP_UNUSABLE, String.join("\n", failed));
        }
        String primary = PrePatchBackupPlan.primaryThroughListener(run);
        String secondary = run.estate().collocatedServers().stream().map(s -> s.name())
                .filter(name -> !name.equalsIgnoreCase(primary)).findFirst().orElseThrow();
        execution.setVariable(PatchDatabaseVariables.ROLLBACK_PRIMARY, primary);
        execution.setVariable(PatchDatabaseVariables.ROLLBACK_SECONDARY, secondary);
        execution.setVariable(PostInstallationVariables.SEED_BACKUP_TAG, "_Reseed_" + run.key().startedAt());
        execution.removeVariable(PatchDatabaseVariables.PRE_PATCH_BACKUP_REPORT);
    }
}
