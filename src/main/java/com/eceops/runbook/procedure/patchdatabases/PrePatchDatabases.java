package com.eceops.runbook.procedure.patchdatabases;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunOperations;

/**
 * The collection the per-database subprocesses run over ({@code ${prePatchDatabases.of(execution)}}): the ECE
 * databases of the run's estate, one step instance each, so that no job ever holds more than one database's
 * BACKUP or RESTORE (and each of those runs detached on the server).
 */
@Component("prePatchDatabases")
public class PrePatchDatabases {

    private final RunOperations runs;

    PrePatchDatabases(RunOperations runs) {
        this.runs = runs;
    }

    public List<String> of(DelegateExecution execution) {
        return PrePatchBackupPlan.of(runs.of(execution)).databases();
    }
}
