package com.eceops.runbook.procedure.activedirectory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-2.7: both collocated computer accounts trusted for delegation (Kerberos only). Check, apply what is missing, verify ({@link ActiveDirectoryItems#ensure}). */
@Component("trustCollocatedServersForDelegationDelegate")
class TrustCollocatedServersForDelegationDelegate extends RunbookStep {

    TrustCollocatedServersForDelegationDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ActiveDirectoryItems items = ActiveDirectoryItems.of(run.estate());
        items.ensure(items.ofStep("pre-2.7"), run.activeDirectory());
    }
}
