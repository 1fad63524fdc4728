package com.eceops.runbook.procedure.patchdatabases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.PrePatchRestore;

/**
 * Rollback step 3, one database: notes the latest restore the primary's history shows (the baseline a finished
 * restore must be newer than), then starts the guarded restore detached: an Agent job that puts every other
 * session out (SINGLE_USER WITH ROLLBACK IMMEDIATE), restores WITH REPLACE, RECOVERY, CHECKSUM from the primary's
 * own copy and sets MULTI_USER again. A database this rollback already restored is left alone.
 */
@Component("startPrePatchRestoreDelegate")
class StartPrePatchRestoreDelegate extends RunbookStep {

    StartPrePatchRestoreDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String database = DetachedStep.database(execution);
        if (RestoresDone.contains(execution, database)) {
            PatchDatabaseVariables.PRE_PATCH_JOB_STATE.set(execution, PatchDatabaseVariables.DONE);
            return;
        }
        RollbackPlan plan = RollbackPlan.of(execution, run);
        PrePatchRestore restore = plan.restore(database);
        if (PatchDatabaseVariables.PRE_PATCH_JOB_STATE.from(execution).isEmpty()) {
            PatchDatabaseVariables.PRE_PATCH_BASELINE.set(execution, run.sql().lastRestore(plan.primary(), database)
                    .map(r -> r.restoredAt() == null ? null : r.restoredAt().toString()).orElse(null));
        }
        PatchDatabaseVariables.PRE_PATCH_JOB_STATE.set(execution, PatchDatabaseVariables.RUNNING);
        run.sql().startRestoreBeforePatch(plan.primary(), restore);
    }
}
