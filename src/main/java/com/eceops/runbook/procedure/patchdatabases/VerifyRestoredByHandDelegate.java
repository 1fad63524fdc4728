package com.eceops.runbook.procedure.patchdatabases;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.procedure.postinstall.PostInstallationVariables;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * Rollback, after a DBA said "restored by hand": the machine checks it before anything goes on. On the current
 * primary each database's latest restore must be of its recorded backup set (by LSNs, from whatever file) and the
 * database ONLINE and out of the group. Found so, the databases count as restored by this rollback; otherwise the
 * DBA's task comes back with what is wrong.
 */
@Component("verifyRestoredByHandDelegate")
class VerifyRestoredByHandDelegate extends RunbookStep {

    VerifyRestoredByHandDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PrePatchBackupSet backups = RollbackPlan.backupSet(execution);
        String primary = PrePatchBackupPlan.primaryThroughListener(run);
        List<String> problems = new ArrayList<>();
        for (String database : run.estate().databases().eceDatabases()) {
            if (!backups.has(database)) {
                problems.add(database + ": prePatchBackupSet has no backup of it");
                continue;
            }
            RestoreCheck.problem(run, primary, backups.of(database), null).ifPresent(p -> problems.add(database + " on " + primary + ": " + p));
        }
        PatchDatabaseVariables.RESTORED_BY_HAND_VERIFIED.set(execution, problems.isEmpty());
        if (problems.isEmpty()) {
            run.estate().databases().eceDatabases().forEach(database -> RestoresDone.add(execution, database));
            PatchDatabaseVariables.ROLLBACK_PRIMARY.set(execution, primary);
            PatchDatabaseVariables.ROLLBACK_SECONDARY.set(execution, PrePatchBackupPlan.otherReplica(run, primary));
            PostInstallationVariables.SEED_BACKUP_TAG.set(execution, RollbackPlan.reseedTag(execution, run));
            PatchDatabaseVariables.PRE_PATCH_BACKUP_REPORT.remove(execution);
        } else {
            PatchDatabaseVariables.PRE_PATCH_BACKUP_REPORT.set(execution, "Not restored as recorded:\n" + String.join("\n", problems));
        }
    }
}
