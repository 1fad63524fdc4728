package com.eceops.runbook.patchdatabases;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.sql.BackupSetFacts;

/**
 * patch-2.1: writes {@code prePatchBackupSet} from the backup history of the server that took the backups, so the
 * rollback knows where each file is and which backup set in it to restore. Reads only.
 */
@Component("recordPrePatchBackupSetDelegate")
class RecordPrePatchBackupSetDelegate extends RunbookStep {

    RecordPrePatchBackupSetDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PrePatchBackupPlan plan = PrePatchBackupPlan.of(run);
        String server = String.valueOf(execution.getVariable(PatchDatabaseVariables.PRE_PATCH_BACKUP_SERVER));
        List<PrePatchBackupSet.Backup> backups = new ArrayList<>();
        for (String database : plan.databases()) {
            String file = plan.file(database);
            BackupSetFacts facts = run.sql().readBackupSet(server, database, file).orElseThrow(() ->
                    new OperationFailedException(server, "record the pre-patch backup of " + database,
                            "the backup history of " + server + " has no full backup of " + database + " in " + file));
            backups.add(new PrePatchBackupSet.Backup(database, server, file, facts.finishedAt(), facts.firstLsn(),
                    facts.lastLsn(), facts.position()));
        }
        execution.setVariable(PatchDatabaseVariables.PRE_PATCH_BACKUP_SET, new PrePatchBackupSet(backups).toJson());
    }
}
