package com.eceops.runbook.procedure.postinstall;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.AgentJob;
import com.eceops.runbook.technology.sql.BackupPlan;

/**
 * post-9 on one collocated server: the backup plan's Agent jobs (full weekly, differential daily but Sunday,
 * log every minute, purge) as {@link BackupPlan} defines them for the estate's ECE databases. Jobs already as
 * defined are left alone; the others are created or replaced, then the jobs are read back. The job steps
 * themselves decide at run time whether this replica is the one to back up.
 */
@Component("ensureBackupJobsDelegate")
class EnsureBackupJobsDelegate extends RunbookStep {

    EnsureBackupJobsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        List<AgentJob> wanted = BackupPlan.jobs(run.estate().databases().eceDatabases(), run.estate().paths().sqlBackups());
        List<AgentJob> present = run.sql().readAgentJobs(host);
        for (AgentJob job : wanted) {
            if (!present.contains(job)) {
                run.sql().ensureAgentJob(host, job);
            }
        }
        List<AgentJob> after = run.sql().readAgentJobs(host);
        List<String> missing = wanted.stream().filter(j -> !after.contains(j)).map(AgentJob::name).toList();
        if (!missing.isEmpty()) {
            throw new OperationFailedException(host, "create the backup jobs", "not as defined after applying: " + missing);
        }
    }
}
