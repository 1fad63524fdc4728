package com.eceops.runbook.patchdatabases;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;

/**
 * What the rollback works with: the backup set it was given, and the replicas as its first step found them
 * (the restore goes to that primary, the re-seed from it to that secondary).
 */
record RollbackPlan(PrePatchBackupSet backups, String primary, String secondary, String group, List<String> databases) {

    static RollbackPlan of(DelegateExecution execution, RunContext run) {
        PrePatchBackupSet backups = backupSet(execution);
        Object primary = execution.getVariable(PatchDatabaseVariables.ROLLBACK_PRIMARY);
        Object secondary = execution.getVariable(PatchDatabaseVariables.ROLLBACK_SECONDARY);
        if (primary == null || secondary == null) {
            throw new OperationFailedException("-", "plan the rollback", "the replicas were not noted before the rollback began");
        }
        return new RollbackPlan(backups, primary.toString(), secondary.toString(), run.estate().availabilityGroup().name(),
                run.estate().databases().eceDatabases());
    }

    static PrePatchBackupSet backupSet(DelegateExecution execution) {
        try {
            return PrePatchBackupSet.parse(execution.getVariable(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET));
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException("-", "read the pre-patch backup set", e.getMessage());
        }
    }

    /** The backup file of a database as the primary reads it (its admin share when another server took it). */
    String source(String database) {
        PrePatchBackupSet.Backup backup = backups.of(database);
        return PrePatchBackupPlan.reachableFrom(primary, backup.server(), backup.file());
    }
}
