package com.eceops.runbook.procedure.dfs;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.CheckApplyVerify;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-4.3: the namespace folder with the shared directory of both servers as folder targets; read back. */
@Component("createDfsFolderDelegate")
class CreateDfsFolderDelegate extends RunbookStep {

    CreateDfsFolderDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        DfsPlan plan = DfsPlan.of(run.estate());
        CheckApplyVerify.ensure(plan.sideA(), "the folder targets",
                () -> run.dfs().readNamespace(plan.sideA(), plan.root()).folderTargets(), targets -> done(targets, plan),
                () -> run.dfs().createFolderWithTargets(plan.sideA(), plan.folderPath(), plan.targets()));
    }

    private static boolean done(Map<String, List<String>> folderTargets, DfsPlan plan) {
        List<String> targets = folderTargets.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(plan.group()))
                .map(e -> e.getValue()).findFirst().orElse(List.of());
        return lower(targets).equals(lower(plan.targets()));
    }

    private static List<String> lower(List<String> paths) {
        return paths.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }
}
