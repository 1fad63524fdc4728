package com.eceops.runbook.procedure.activedirectory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-2.1: the SQL Server and ECE service accounts, enabled, password never expires. Check, apply what is missing, verify ({@link ActiveDirectoryItems#ensure}). */
@Component("createServiceAccountsDelegate")
class CreateServiceAccountsDelegate extends RunbookStep {

    CreateServiceAccountsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ActiveDirectoryItems items = ActiveDirectoryItems.of(run.estate());
        items.ensure(items.ofStep("pre-2.1"), run.activeDirectory());
    }
}
