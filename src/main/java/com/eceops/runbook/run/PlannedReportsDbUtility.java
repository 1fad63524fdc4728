package com.eceops.runbook.run;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.reportsdb.ReportsDbUtilityOperations;
import com.eceops.runbook.reportsdb.UtilityRun;
import com.eceops.runbook.reportsdb.UtilityStatus;

/**
 * post-7 in a plan-mode run, as {@link PlannedWindowsOperations} does for Windows: each change is handed to the
 * PowerShell implementation in plan mode (which records its script, secrets masked, and resolves no secret), then
 * applied to the lab so that the following reads answer as after the real change. Reads go to the lab.
 */
final class PlannedReportsDbUtility implements ReportsDbUtilityOperations {

    private final ReportsDbUtilityOperations lab;
    private final ReportsDbUtilityOperations recording;
    private final Runnable afterRecording;

    PlannedReportsDbUtility(ReportsDbUtilityOperations lab, ReportsDbUtilityOperations recording, Runnable afterRecording) {
        this.lab = lab;
        this.recording = recording;
        this.afterRecording = afterRecording;
    }

    @Override
    public Change copyDirectory(String host, String source, String target) {
        recording.copyDirectory(host, source, target);
        afterRecording.run();
        return lab.copyDirectory(host, source, target);
    }

    @Override
    public Change writeProperties(String host, String path, String text, Map<String, CredentialRef> secrets) {
        recording.writeProperties(host, path, text, secrets);
        afterRecording.run();
        return lab.writeProperties(host, path, text, secrets);
    }

    @Override
    public Optional<String> readPropertiesMasked(String host, String path, Set<String> secretKeys) {
        return lab.readPropertiesMasked(host, path, secretKeys);
    }

    @Override
    public UtilityRun startCreateDbObjects(String host, String directory) {
        recording.startCreateDbObjects(host, directory);
        afterRecording.run();
        return lab.startCreateDbObjects(host, directory);
    }

    @Override
    public UtilityStatus poll(UtilityRun run) {
        return lab.poll(run);
    }

    @Override
    public Optional<String> readLogTail(String host, String directory) {
        return lab.readLogTail(host, directory);
    }
}
