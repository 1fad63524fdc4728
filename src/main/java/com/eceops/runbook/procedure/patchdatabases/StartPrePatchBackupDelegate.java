package com.eceops.runbook.procedure.patchdatabases;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.BackupSetFacts;

/**
 * patch-2.1, one database: finds the primary again on this attempt (after a failover the backup goes to the new
 * one; the operation refuses anything but the primary) and starts BACKUP ... WITH INIT, COPY_ONLY, CHECKSUM there
 * as a detached Agent job, then returns: the model's wait loop follows the job. A file of this run that is in the
 * primary's history and verifies is left alone, so a rerun changes nothing.
 */
@Component("startPrePatchBackupDelegate")
class StartPrePatchBackupDelegate extends RunbookStep {

    StartPrePatchBackupDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PrePatchBackupPlan plan = PrePatchBackupPlan.of(run);
        String database = DetachedStep.database(execution);
        String server = PrePatchBackupPlan.primaryThroughListener(run);
        String file = plan.file(database);
        PatchDatabaseVariables.PRE_PATCH_BACKUP_SERVER.set(execution, server);
        Optional<BackupSetFacts> existing = run.sql().readBackupSet(server, database, file);
        if (existing.isPresent() && run.sql().verifyBackup(server, file, existing.get().position()).valid()) {
            PatchDatabaseVariables.PRE_PATCH_JOB_STATE.set(execution, PatchDatabaseVariables.DONE);
            return;
        }
        PatchDatabaseVariables.PRE_PATCH_BASELINE.set(execution,
                existing.map(b -> b.finishedAt() == null ? null : b.finishedAt().toString()).orElse(null));
        PatchDatabaseVariables.PRE_PATCH_JOB_STATE.set(execution, PatchDatabaseVariables.RUNNING);
        run.sql().startBackupBeforePatch(server, database, file);
    }
}
