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
        Object database = PatchDatabaseVariables.PRE_PATCH_DATABASE.from(execution).orElse(null);
        if (database == null) {
            throw new IllegalStateException("activity " + execution.getCurrentActivityId() + " runs outside the per-database subprocess");
        }
        return database.toString();
    }

    static void running(DelegateExecution execution, String host, DetachedRun job) {
        PatchDatabaseVariables.PRE_PATCH_JOB_STATE.set(execution, PatchDatabaseVariables.RUNNING);
        PatchDatabaseVariables.PRE_PATCH_PROGRESS.set(execution, "SQL Server Agent job '" + job.job() + "' on "
                + host + " is running" + (job.percentComplete() == null ? "" : ", " + job.percentComplete() + " percent complete"));
        count(execution);
    }

    static void done(DelegateExecution execution) {
        PatchDatabaseVariables.PRE_PATCH_JOB_STATE.set(execution, PatchDatabaseVariables.DONE);
        count(execution);
    }

    private static void count(DelegateExecution execution) {
        Object count = RunVariables.POLL_COUNT.from(execution).orElse(null);
        RunVariables.POLL_COUNT.set(execution, (count instanceof Number n ? n.intValue() : 0) + 1);
    }
}
