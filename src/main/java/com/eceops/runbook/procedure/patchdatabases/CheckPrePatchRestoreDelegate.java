package com.eceops.runbook.procedure.patchdatabases;

import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.DetachedJobs;
import com.eceops.runbook.technology.sql.DetachedRun;
import com.eceops.runbook.technology.sql.PrePatchRestore;
import com.eceops.runbook.technology.sql.RestoreFacts;

/**
 * Rollback step 3, one look at one database's detached restore: running (with its percent complete), failed (the
 * job's message, 3101 among others, goes to the DBAs as PrePatchRestoreFailed), or done: the job is gone and the
 * latest restore in the primary's history is of the recorded backup set (its LSNs), newer than the restore noted
 * before the job started and than the backup itself, with the database ONLINE. Done is noted for this instance.
 */
@Component("checkPrePatchRestoreDelegate")
class CheckPrePatchRestoreDelegate extends RunbookStep {

    CheckPrePatchRestoreDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String database = DetachedStep.database(execution);
        if (RestoresDone.contains(execution, database)) {
            DetachedStep.done(execution);
            return;
        }
        RollbackPlan plan = RollbackPlan.of(execution, run);
        PrePatchRestore restore = plan.restore(database);
        DetachedRun job = run.sql().readDetachedRun(plan.primary(), DetachedJobs.restoreBeforePatch(database, restore.path()), restore.path());
        if (job.running()) {
            DetachedStep.running(execution, plan.primary(), job);
            return;
        }
        if (job.failed()) {
            throw new BpmnError(PatchDatabaseVariables.PRE_PATCH_RESTORE_FAILED, database + " on " + plan.primary()
                    + ": the restore job '" + job.job() + "' failed: " + job.message());
        }
        Optional<String> problem = RestoreCheck.problem(run, plan.primary(), plan.backups().of(database), baseline(execution));
        if (problem.isPresent()) {
            throw new BpmnError(PatchDatabaseVariables.PRE_PATCH_RESTORE_FAILED, database + " on " + plan.primary()
                    + ": the restore job '" + job.job() + "' is gone, but " + problem.get());
        }
        RestoresDone.add(execution, database);
        DetachedStep.done(execution);
    }

    private static Instant baseline(DelegateExecution execution) {
        return PatchDatabaseVariables.PRE_PATCH_BASELINE.from(execution).map(Instant::parse).orElse(null);
    }
}
