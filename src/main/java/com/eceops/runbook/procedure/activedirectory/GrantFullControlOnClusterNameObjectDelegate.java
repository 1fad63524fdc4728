package com.eceops.runbook.procedure.activedirectory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-2.3: Full Control on the CNO for the account that creates the cluster. Check, apply what is missing, verify ({@link ActiveDirectoryItems#ensure}). */
@Component("grantFullControlOnClusterNameObjectDelegate")
class GrantFullControlOnClusterNameObjectDelegate extends RunbookStep {

    GrantFullControlOnClusterNameObjectDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ActiveDirectoryItems items = ActiveDirectoryItems.of(run.estate());
        items.ensure(items.ofStep("pre-2.3"), run.activeDirectory());
    }
}
