package com.eceops.runbook.procedure.dfs;

import com.eceops.runbook.technology.dfs.NamespaceState;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.CheckApplyVerify;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-4.1: the domain-based namespace on side A (Windows Server 2008 mode), unless it exists; read back. */
@Component("createDomainNamespaceDelegate")
class CreateDomainNamespaceDelegate extends RunbookStep {

    CreateDomainNamespaceDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        DfsPlan plan = DfsPlan.of(run.estate());
        CheckApplyVerify.ensure(plan.sideA(), "the namespace", () -> run.dfs().readNamespace(plan.sideA(), plan.root()),
                ns -> done(ns, plan), () -> run.dfs().createDomainNamespace(plan.sideA(), plan.root(), plan.localPath()));
    }

    private static boolean done(NamespaceState ns, DfsPlan plan) {
        return ns.exists() && ns.servers().stream().anyMatch(plan.sideA()::equalsIgnoreCase);
    }
}
