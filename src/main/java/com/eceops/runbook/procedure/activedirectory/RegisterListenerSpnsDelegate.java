package com.eceops.runbook.procedure.activedirectory;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-2.5: the four MSSQLSvc SPNs of the listener on the SQL service account. Before adding any, it looks each
 * one up ({@code setspn -Q}); one held by another account is the domain administrators' to resolve, so it is a
 * BPMN error naming every conflict, and nothing is registered.
 */
@Component("registerListenerSpnsDelegate")
class RegisterListenerSpnsDelegate extends RunbookStep {

    static final String DUPLICATE_SPN = "DuplicateServicePrincipalName";

    RegisterListenerSpnsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String account = run.estate().accounts().sqlService().name();
        List<String> conflicts = conflicts(run, account);
        if (!conflicts.isEmpty()) {
            throw new BpmnError(DUPLICATE_SPN, String.join("; ", conflicts));
        }
        ActiveDirectoryItems items = ActiveDirectoryItems.of(run.estate());
        items.ensure(items.ofStep("pre-2.5"), run.activeDirectory());
    }

    /** Each listener SPN that an account other than the SQL service account holds, with its holders. */
    static List<String> conflicts(RunContext run, String account) {
        List<String> conflicts = new ArrayList<>();
        for (String spn : ActiveDirectoryItems.listenerSpns(run.estate())) {
            List<String> others = run.activeDirectory().findServicePrincipalName(spn).stream()
                    .filter(holder -> !holder.equalsIgnoreCase(account)).toList();
            if (!others.isEmpty()) {
                conflicts.add("Existing SPN found: " + spn + " is registered on " + String.join(", ", others));
            }
        }
        return conflicts;
    }
}
