package com.eceops.runbook.procedure.patchdatabases;

import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.BackupSetFacts;
import com.eceops.runbook.technology.sql.DetachedJobs;
import com.eceops.runbook.technology.sql.DetachedRun;

/**
 * patch-2.1, one look at one database's detached backup: still running (with its percent complete), done (the job
 * is gone and the primary's history has a backup to the file newer than before the start), or failed: the job's
 * message goes to the DBAs as BackupNotVerified. The model's loop waits, counts and escalates.
 */
@Component("checkPrePatchBackupDelegate")
class CheckPrePatchBackupDelegate extends RunbookStep {

    CheckPrePatchBackupDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        if (PatchDatabaseVariables.DONE.equals(PatchDatabaseVariables.PRE_PATCH_JOB_STATE.from(execution).orElse(null))) {
            DetachedStep.done(execution);
            return;
        }
        String database = DetachedStep.database(execution);
        String server = PatchDatabaseVariables.PRE_PATCH_BACKUP_SERVER.in(execution);
        String file = PrePatchBackupPlan.of(run).file(database);
        DetachedRun job = run.sql().readDetachedRun(server, DetachedJobs.backupBeforePatch(database, file), file);
        if (job.running()) {
            DetachedStep.running(execution, server, job);
            return;
        }
        if (job.failed()) {
            throw new BpmnError(PatchDatabaseVariables.BACKUP_NOT_VERIFIED, database + " on " + server + ": the backup job '"
                    + job.job() + "' failed: " + job.message());
        }
        String baseline = PatchDatabaseVariables.PRE_PATCH_BASELINE.from(execution).orElse(null);
        Optional<BackupSetFacts> written = run.sql().readBackupSet(server, database, file);
        boolean newer = written.isPresent() && (baseline == null || (written.get().finishedAt() != null
                && written.get().finishedAt().isAfter(Instant.parse(baseline))));
        if (!newer) {
            throw new BpmnError(PatchDatabaseVariables.BACKUP_NOT_VERIFIED, database + " on " + server + ": the backup job '"
                    + job.job() + "' is gone and the backup history shows no new backup to " + file);
        }
        DetachedStep.done(execution);
    }
}
