package com.eceops.runbook.procedure.patchdatabases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * patch-2.1: once every database is backed up, verified and copied, the noted entries become {@code prePatchBackupSet}
 * for the rollback (one per ECE database, in the inventory's order) and the working list goes away.
 */
@Component("recordPrePatchBackupSetDelegate")
class RecordPrePatchBackupSetDelegate extends RunbookStep {

    RecordPrePatchBackupSetDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PrePatchBackupPlan plan = PrePatchBackupPlan.of(run);
        PrePatchBackupSet entries;
        try {
            entries = PrePatchBackupSet.parse(PatchDatabaseVariables.PRE_PATCH_BACKUP_ENTRIES.from(execution).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException("-", "record the pre-patch backup set", e.getMessage());
        }
        for (String database : plan.databases()) {
            if (!entries.has(database)) {
                throw new OperationFailedException("-", "record the pre-patch backup set", "no backup of " + database + " was noted");
            }
        }
        PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.set(execution, entries.toJson());
        PatchDatabaseVariables.PRE_PATCH_BACKUP_ENTRIES.remove(execution);
        PatchDatabaseVariables.PRE_PATCH_BACKUP_REPORT.remove(execution);
    }
}
