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
        PatchVariables.ALREADY_PATCHED.set(execution, done);
        if (!done || PatchVariables.LEVELS_BEFORE_PATCH.from(execution).isEmpty()) {
            PatchVariables.LEVELS_BEFORE_PATCH.set(execution, PatchRun.levelsText(levels));
        }
        PatchVariables.PATCH_ORDER.set(execution, new ArrayList<>(PatchRun.order(run.estate())));
        PatchVariables.PRODUCTION_EMAIL.set(execution, run.estate().ece().productionEmail());
        PatchVariables.SYSTEM_PARTITION_URL.set(execution, PatchRun.partitionUrl(run.estate(), "system"));
        PatchVariables.BUSINESS_PARTITION_URL.set(execution,
                PatchRun.partitionUrl(run.estate(), run.estate().ece().partition()));
        WindowVariables.ROLL_BACK_REQUESTED.set(execution, false);
        // Set true when patch-1.3 starts: a rollback before it has nothing to stop, restore or uninstall.
        PatchVariables.SERVICES_STOPPED.set(execution, false);
        // Set true when patch-1.2 is handed out: a rollback decided at the first window check has no email to give back.
        PatchVariables.EMAIL_STOPPED.set(execution, false);
    }
}
