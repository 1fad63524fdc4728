package com.eceops.runbook.procedure.patchdatabases;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.technology.sql.PrePatchRestore;

/**
 * What the rollback works with: the backup set it was given, and the replicas as its first step found them
 * (the restore goes to that primary, the re-seed from it to that secondary).
 */
record RollbackPlan(PrePatchBackupSet backups, String primary, String secondary, String group, List<String> databases) {

    static RollbackPlan of(DelegateExecution execution, RunContext run) {
        PrePatchBackupSet backups = backupSet(execution);
        String primary = PatchDatabaseVariables.ROLLBACK_PRIMARY.from(execution).orElse(null);
        String secondary = PatchDatabaseVariables.ROLLBACK_SECONDARY.from(execution).orElse(null);
        if (primary == null || secondary == null) {
            throw new OperationFailedException("-", "plan the rollback", "the replicas were not noted before the rollback began");
        }
        return new RollbackPlan(backups, primary, secondary, run.estate().availabilityGroup().name(),
                run.estate().databases().eceDatabases());
    }

    static PrePatchBackupSet backupSet(DelegateExecution execution) {
        try {
            return PrePatchBackupSet.parse(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.from(execution).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException("-", "read the pre-patch backup set", e.getMessage());
        }
    }

    /** The restore of one database's pre-patch backup on {@code host}, from {@code host}'s own copy when it has one. */
    static PrePatchRestore restoreOf(PrePatchBackupSet.Backup backup, String host) {
        return new PrePatchRestore(backup.database(), backup.pathFrom(host), backup.position(), backup.firstLsn(),
                backup.lastLsn(), backup.server());
    }

    /**
     * The re-seed's file name tag: the run's start and this rollback instance, so that a second rollback in the same
     * run writes fresh backups of the databases it restored instead of finding the first rollback's files.
     */
    static String reseedTag(DelegateExecution execution, RunContext run) {
        String instance = execution.getProcessInstanceId().replace("-", "");
        return "_Reseed_" + run.key().startedAt() + "_" + instance.substring(0, Math.min(8, instance.length()));
    }

    PrePatchRestore restore(String database) {
        return restoreOf(backups.of(database), primary);
    }
}
