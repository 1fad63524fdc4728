package com.eceops.runbook.procedure.patchdatabases;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The DBA's corrections to the backup set ({@code correctedBackupFiles}: one {@code <database>=<path>} per line, the
 * path as the primary reads it). Each names the file that now holds that database's recorded backup; the header
 * check that follows refuses any other backup. A line that is not of that form goes back to the DBA with the
 * reason, and the set stays as it was.
 */
final class CorrectedBackupFiles {

    private CorrectedBackupFiles() {
    }

    static PrePatchBackupSet apply(DelegateExecution execution, PrePatchBackupSet backups, String primary, List<String> databases) {
        String given = PatchDatabaseVariables.CORRECTED_BACKUP_FILES.from(execution).orElse(null);
        if (given == null || given.isBlank()) {
            return backups;
        }
        List<String> problems = new ArrayList<>();
        PrePatchBackupSet corrected = backups;
        int number = 0;
        for (String line : given.toString().split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            String database = equals < 0 ? "" : line.substring(0, equals).trim();
            String path = equals < 0 ? "" : line.substring(equals + 1).trim();
            String known = databases.stream().filter(d -> d.equalsIgnoreCase(database)).findFirst().orElse(null);
            if (known == null || path.isEmpty() || !corrected.has(known)) {
                problems.add("line " + number + ": '" + line.strip() + "' is not <database>=<path> for one of " + databases);
                continue;
            }
            corrected = corrected.with(corrected.of(known).at(primary, path), databases);
        }
        if (!problems.isEmpty()) {
            throw new BpmnError(PatchDatabaseVariables.PRE_PATCH_BACKUP_UNUSABLE, "The corrected files were not applied: "
                    + String.join("; ", problems));
        }
        PatchDatabaseVariables.PRE_PATCH_BACKUP_SET.set(execution, corrected.toJson());
        PatchDatabaseVariables.CORRECTED_BACKUP_FILES.remove(execution);
        return corrected;
    }
}
