package com.eceops.runbook.procedure.activedirectory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-2.6: the SQL service account trusted for delegation (Kerberos only), not sensitive. Check, apply what is missing, verify ({@link ActiveDirectoryItems#ensure}). */
@Component("trustSqlServiceAccountForDelegationDelegate")
class TrustSqlServiceAccountForDelegationDelegate extends RunbookStep {

    TrustSqlServiceAccountForDelegationDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ActiveDirectoryItems items = ActiveDirectoryItems.of(run.estate());
        items.ensure(items.ofStep("pre-2.6"), run.activeDirectory());
    }
}
