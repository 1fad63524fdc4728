package com.eceops.runbook.procedure.dfs;

import com.eceops.runbook.technology.dfs.NamespaceState;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.CheckApplyVerify;
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
        CheckApplyVerify.ensure(plan.sideA(), "the namespace", () -> run.dfs().readNamespace(plan.sideA(), plan.root()),
                ns -> done(ns, plan), () -> run.dfs().addNamespaceServer(plan.sideB(), plan.root(), plan.localPath()));
    }

    private static boolean done(NamespaceState ns, DfsPlan plan) {
        return ns.servers().stream().anyMatch(plan.sideB()::equalsIgnoreCase);
    }
}
