package com.eceops.runbook.procedure.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * At the window's start: each server's patch level (what a rollback must bring back), whether every server is
 * at the patch already (a re-run of a finished patch then ends at once, changing nothing), and what the
 * in-window tasks show: the partitions' URLs, whether the estate has production email. Reads only.
 */
@Component("recordLevelsBeforePatchDelegate")
class RecordLevelsBeforePatchDelegate extends RunbookStep {

    RecordLevelsBeforePatchDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PatchRun patch = PatchRun.of(run.estate(), execution);
        Map<String, String> levels = new LinkedHashMap<>();
        for (String host : PatchRun.order(run.estate())) {
            levels.put(host, run.ece().readPatchLevel(host));
        }
        boolean done = levels.values().stream().allMatch(patch.patchLevel()::equals);
        execution.setVariable(PatchVariables.ALREADY_PATCHED, done);
        if (!done || execution.getVariable(PatchVariables.LEVELS_BEFORE_PATCH) == null) {
            execution.setVariable(PatchVariables.LEVELS_BEFORE_PATCH, PatchRun.levelsText(levels));
        }
        execution.setVariable(PatchVariables.PATCH_ORDER, new ArrayList<>(PatchRun.order(run.estate())));
        execution.setVariable(PatchVariables.PRODUCTION_EMAIL, run.estate().ece().productionEmail());
        execution.setVariable(PatchVariables.SYSTEM_PARTITION_URL, PatchRun.partitionUrl(run.estate(), "system"));
        execution.setVariable(PatchVariables.BUSINESS_PARTITION_URL,
                PatchRun.partitionUrl(run.estate(), run.estate().ece().partition()));
        execution.setVariable(PatchVariables.ROLL_BACK_REQUESTED, false);
        // Set true when patch-1.3 starts: a rollback before it has nothing to stop, restore or uninstall.
        execution.setVariable(PatchVariables.SERVICES_STOPPED, false);
        // Set true when patch-1.2 is handed out: a rollback decided at the first window check has no email to give back.
        execution.setVariable(PatchVariables.EMAIL_STOPPED, false);
    }
}
