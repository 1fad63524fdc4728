package com.eceops.runbook.procedure.patchdatabases;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.eceops.runbook.procedure.postinstall.PostInstallationVariables;
import com.eceops.runbook.technology.sql.DetachedRun;
import com.eceops.runbook.run.RunVariables;

/** What the per-database wait loops share: the database of the instance, the poll counter, the progress in words. */
final class DetachedStep {

    private DetachedStep() {
    }

    static String database(DelegateExecution execution) {
        return PatchDatabaseVariables.PRE_PATCH_DATABASE.from(execution).orElseThrow(() -> new IllegalStateException("activity "
                + execution.getCurrentActivityId() + " runs outside the per-database subprocess"));
    }

    static void running(DelegateExecution execution, String host, DetachedRun job) {
        PatchDatabaseVariables.PRE_PATCH_JOB_STATE.set(execution, PatchDatabaseVariables.RUNNING);
        PatchDatabaseVariables.PRE_PATCH_PROGRESS.set(execution, "SQL Server Agent job '" + job.job() + "' on "
                + host + " is running" + (job.percentComplete() == null ? "" : ", " + job.percentComplete() + " percent complete"));
        RunVariables.countPoll(execution);
    }

    static void done(DelegateExecution execution) {
        PatchDatabaseVariables.PRE_PATCH_JOB_STATE.set(execution, PatchDatabaseVariables.DONE);
        RunVariables.countPoll(execution);
    }
}
