package com.eceops.runbook.procedure.windows;

import com.eceops.runbook.technology.windows.AccessRule;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-3.2: "ensure that there is not a check-box in the Deny column". Deny entries on the SSIS directory, explicit
 * or inherited, are for an operator to remove: a BPMN error listing them. The runbook never removes a Deny
 * entry itself, since someone put it there for a reason.
 */
@Component("checkDenyEntriesDelegate")
class CheckDenyEntriesDelegate extends RunbookStep {

    static final String DENY_ENTRY_FOUND = "DenyEntryFound";

    CheckDenyEntriesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        String path = run.estate().paths().ssisDirectory();
        List<String> denies = run.windows().readAccessRules(host, path).stream().filter(AccessRule::deny)
                .map(rule -> "Deny " + rule.rights() + " for " + rule.identity() + (rule.inherited() ? " (inherited)" : ""))
                .toList();
        if (!denies.isEmpty()) {
            throw new BpmnError(DENY_ENTRY_FOUND, host + " " + path + ": " + String.join("; ", denies));
        }
    }
}
