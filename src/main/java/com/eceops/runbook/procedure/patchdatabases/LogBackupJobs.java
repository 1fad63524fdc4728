package com.eceops.runbook.procedure.patchdatabases;

import java.util.List;
import java.util.Optional;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.technology.sql.BackupPlan;

/**
 * post-9's log backup job on both replicas, switched off for the rollback and on again after it. While the
 * databases are out of the group the job would go on backing up the primary's log every minute, so the
 * secondary's fresh copy would end short of the chain and could not join (Msg 1478), and on the secondary it would
 * fail every minute on the restoring copies. A replica without the job (post-9 not run by the runbook) is left
 * alone; one already as wanted changes nothing. Each replica is read back afterwards.
 */
final class LogBackupJobs {

    private LogBackupJobs() {
    }

    static void set(RunContext run, RollbackPlan plan, boolean enabled) {
        for (String host : List.of(plan.primary(), plan.secondary())) {
            Optional<Boolean> now = run.sql().readAgentJobEnabled(host, BackupPlan.LOG_JOB);
            if (now.isEmpty() || now.get() == enabled) {
                continue;
            }
            run.sql().setAgentJobEnabled(host, BackupPlan.LOG_JOB, enabled);
            if (run.sql().readAgentJobEnabled(host, BackupPlan.LOG_JOB).orElse(!enabled) != enabled) {
                throw new OperationFailedException(host, (enabled ? "enable" : "disable") + " job " + BackupPlan.LOG_JOB,
                        "the job is still " + (enabled ? "disabled" : "enabled"));
            }
        }
    }
}
