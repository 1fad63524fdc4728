package com.eceops.runbook.procedure.patchdatabases;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.eceops.runbook.procedure.postinstall.PostInstallationVariables;
import com.eceops.runbook.technology.sql.DetachedRun;

/** What the per-database wait loops share: the database of the instance, the poll counter, the progress in words. */
final class DetachedStep {

    private DetachedStep() {
    }

    static String database(DelegateExecution execution) {
        Object database = execution.getVariable(PatchDatabaseVariables.PRE_PATCH_DATABASE);
        if (database == null) {
            throw new IllegalStateException("activity " + execution.getCurrentActivityId() + " runs outside the per-database subprocess");
        }
        return database.toString();
    }

    static void running(DelegateExecution execution, String host, DetachedRun job) {
        execution.setVariable(PatchDatabaseVariables.PRE_PATCH_JOB_STATE, PatchDatabaseVariables.RUNNING);
        execution.setVariable(PatchDatabaseVariables.PRE_PATCH_PROGRESS, "SQL Server Agent job '" + job.job() + "' on "
                + host + " is running" + (job.percentComplete() == null ? "" : ", " + job.percentComplete() + " percent complete"));
        count(execution);
    }

    static void done(DelegateExecution execution) {
        execution.setVariable(PatchDatabaseVariables.PRE_PATCH_JOB_STATE, PatchDatabaseVariables.DONE);
        count(execution);
    }

    private static void count(DelegateExecution execution) {
        Object count = execution.getVariable(PostInstallationVariables.POLL_COUNT);
        execution.setVariable(PostInstallationVariables.POLL_COUNT, (count instanceof Number n ? n.intValue() : 0) + 1);
    }
}
