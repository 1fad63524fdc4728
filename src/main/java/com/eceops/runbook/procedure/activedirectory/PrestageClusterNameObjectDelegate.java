package com.eceops.runbook.procedure.activedirectory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-2.2: the OU and, in it, the WSFC cluster name object, disabled and protected from deletion. Check, apply what is missing, verify ({@link ActiveDirectoryItems#ensure}). */
@Component("prestageClusterNameObjectDelegate")
class PrestageClusterNameObjectDelegate extends RunbookStep {

    PrestageClusterNameObjectDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ActiveDirectoryItems items = ActiveDirectoryItems.of(run.estate());
        items.ensure(items.ofStep("pre-2.2"), run.activeDirectory());
    }
}
