package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** post-4: copies the three .bak and three .trn files from the primary to the same path on the secondary. */
@Component("copyBackupFilesDelegate")
class CopyBackupFilesDelegate extends RunbookStep {

    CopyBackupFilesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        for (String database : plan.databases()) {
            for (String file : new String[] {plan.fullBackup(database), plan.logBackup(database)}) {
                run.windows().copyFile(plan.primary(), file, plan.secondary(), file);
                if (!run.windows().fileExists(plan.secondary(), file)) {
                    throw new OperationFailedException(plan.secondary(), "copy " + file, "the copy is not there");
                }
            }
        }
    }
}
