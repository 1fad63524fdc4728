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
        execution.setVariable(ActiveDirectoryVariables.AUTOMATED,
                domain.domainAdmin().isPresent() && domain.managementHost().isPresent());
        execution.setVariable(ActiveDirectoryVariables.CHECKLIST, ActiveDirectoryItems.of(run.estate()).checklist());
        execution.setVariable(ActiveDirectoryVariables.MISSING, "");
        execution.setVariable(ActiveDirectoryVariables.SPN_CONFLICTS, "");
    }
}
