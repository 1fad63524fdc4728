package com.eceops.runbook.dfs;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-4.2: side B as a further namespace server, unless it is one; read back. */
@Component("addNamespaceServerDelegate")
class AddNamespaceServerDelegate extends RunbookStep {

    AddNamespaceServerDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        DfsPlan plan = DfsPlan.of(run.estate());
        NamespaceState before = run.dfs().readNamespace(plan.sideA(), plan.root());
        if (!done(before, plan)) {
            run.dfs().addNamespaceServer(plan.sideB(), plan.root(), plan.localPath());
        }
        NamespaceState after = run.dfs().readNamespace(plan.sideA(), plan.root());
        if (!done(after, plan)) {
            throw new OperationFailedException(plan.sideA(), "verify the namespace", "found " + after);
        }
    }

    private static boolean done(NamespaceState ns, DfsPlan plan) {
        return ns.servers().stream().anyMatch(plan.sideB()::equalsIgnoreCase);
    }
}
