package com.eceops.runbook.procedure.patchdatabases;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.BackupSetFacts;

/**
 * patch-2.1, one database: notes its backup from the history of the server that took it (file, finish, LSNs,
 * position) and where the copy is, in the working list the last task turns into {@code prePatchBackupSet}. Reads only.
 */
@Component("notePrePatchBackupDelegate")
class NotePrePatchBackupDelegate extends RunbookStep {

    NotePrePatchBackupDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PrePatchBackupPlan plan = PrePatchBackupPlan.of(run);
        String database = DetachedStep.database(execution);
        String server = PatchDatabaseVariables.PRE_PATCH_BACKUP_SERVER.in(execution);
        String file = plan.file(database);
        BackupSetFacts facts = run.sql().readBackupSet(server, database, file).orElseThrow(() ->
                new OperationFailedException(server, "record the pre-patch backup of " + database,
                        "the backup history of " + server + " has no full backup of " + database + " in " + file));
        PrePatchBackupSet entries = PatchDatabaseVariables.PRE_PATCH_BACKUP_ENTRIES.from(execution).map(PrePatchBackupSet::parse)
                .orElseGet(() -> new PrePatchBackupSet(List.of()));
        PrePatchBackupSet.Backup backup = new PrePatchBackupSet.Backup(database, server, file, facts.finishedAt(),
                facts.firstLsn(), facts.lastLsn(), facts.position(), PrePatchBackupPlan.otherReplica(run, server));
        PatchDatabaseVariables.PRE_PATCH_BACKUP_ENTRIES.set(execution, entries.with(backup, plan.databases()).toJson());
    }
}
