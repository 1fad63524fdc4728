package com.eceops.runbook.patchdatabases;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.sql.BackupVerification;

/**
 * patch-2.1: RESTORE VERIFYONLY of every pre-patch file on the server that wrote it. A file the server refuses is an
 * expected outcome with a path in the model (error BackupNotVerified, to the DBAs), not an incident.
 */
@Component("verifyPrePatchBackupsDelegate")
class VerifyPrePatchBackupsDelegate extends RunbookStep {

    VerifyPrePatchBackupsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PrePatchBackupPlan plan = PrePatchBackupPlan.of(run);
        String server = String.valueOf(execution.getVariable(PatchDatabaseVariables.PRE_PATCH_BACKUP_SERVER));
        List<String> failed = new ArrayList<>();
        for (String database : plan.databases()) {
            BackupVerification verification = run.sql().verifyBackup(server, plan.file(database));
            if (!verification.valid()) {
                failed.add(database + " on " + server + ": " + verification.path() + ": " + verification.report());
            }
        }
        if (!failed.isEmpty()) {
            throw new BpmnError(PatchDatabaseVariables.BACKUP_NOT_VERIFIED, String.join("\n", failed));
        }
        execution.removeVariable(PatchDatabaseVariables.PRE_PATCH_BACKUP_REPORT);
    }
}
