package com.eceops.runbook.procedure.activedirectory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Domain;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-2: lists what Active Directory must hold, with the inventory's values, and decides who does it: the
 * runbook when the inventory names a domain-admin credential and a management host, the domain
 * administrators otherwise. Changes nothing.
 */
@Component("listActiveDirectoryItemsDelegate")
class ListActiveDirectoryItemsDelegate extends RunbookStep {

    ListActiveDirectoryItemsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        Domain domain = run.estate().domain();
        ActiveDirectoryVariables.AUTOMATED.set(execution,
                domain.domainAdmin().isPresent() && domain.managementHost().isPresent());
        ActiveDirectoryVariables.CHECKLIST.set(execution, ActiveDirectoryItems.of(run.estate()).checklist());
        ActiveDirectoryVariables.MISSING.set(execution, "");
        ActiveDirectoryVariables.SPN_CONFLICTS.set(execution, "");
    }
}
