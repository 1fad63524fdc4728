package com.eceops.runbook.procedure.activedirectory;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-2.5, the document's {@code setspn -Q}: each listener SPN is held by the SQL service account and by no
 * other account. A duplicate (possible after a manual {@code setspn -A}) goes back to the domain administrators.
 */
@Component("confirmListenerSpnsDelegate")
class ConfirmListenerSpnsDelegate extends RunbookStep {

    ConfirmListenerSpnsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String account = run.estate().accounts().sqlService().name();
        List<String> conflicts = RegisterListenerSpnsDelegate.conflicts(run, account);
        if (!conflicts.isEmpty()) {
            throw new BpmnError(RegisterListenerSpnsDelegate.DUPLICATE_SPN, String.join("; ", conflicts));
        }
        for (String spn : ActiveDirectoryItems.listenerSpns(run.estate())) {
            if (run.activeDirectory().findServicePrincipalName(spn).isEmpty()) {
                throw new OperationFailedException(run.estate().domain().fqdn(), "setspn -Q " + spn, "no account holds it");
            }
        }
        ActiveDirectoryVariables.LISTENER_SPNS.set(execution, String.join(", ", ActiveDirectoryItems.listenerSpns(run.estate())));
    }
}
