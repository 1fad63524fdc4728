package com.eceops.runbook.procedure.activedirectory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-2.4: Create/Delete Computer objects for the CNO on the OU. Check, apply what is missing, verify ({@link ActiveDirectoryItems#ensure}). */
@Component("grantComputerObjectRightsDelegate")
class GrantComputerObjectRightsDelegate extends RunbookStep {

    GrantComputerObjectRightsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ActiveDirectoryItems items = ActiveDirectoryItems.of(run.estate());
        items.ensure(items.ofStep("pre-2.4"), run.activeDirectory());
    }
}
