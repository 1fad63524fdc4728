package com.eceops.runbook.dfs;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
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
        if (!done(run.dfs().readNamespace(plan.sideA(), plan.root()), plan)) {
            run.dfs().createFolderWithTargets(plan.sideA(), plan.folderPath(), plan.targets());
        }
        NamespaceState after = run.dfs().readNamespace(plan.sideA(), plan.root());
        if (!done(after, plan)) {
            throw new OperationFailedException(plan.sideA(), "verify the folder targets", "found " + after.folderTargets());
        }
    }

    private static boolean done(NamespaceState ns, DfsPlan plan) {
        List<String> targets = ns.folderTargets().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(plan.group()))
                .map(e -> e.getValue()).findFirst().orElse(List.of());
        return lower(targets).equals(lower(plan.targets()));
    }

    private static List<String> lower(List<String> paths) {
        return paths.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }
}
