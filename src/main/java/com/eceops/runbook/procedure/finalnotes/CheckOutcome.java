package com.eceops.runbook.procedure.finalnotes;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** How every final-notes check reports: a verified flag for the gateway and a sentence for the task's form. */
final class CheckOutcome {

    private CheckOutcome() {
    }

    static void passed(DelegateExecution execution, String verified, String report, String text) {
        execution.setVariable(verified, true);
        execution.setVariable(report, text);
    }

    static void failed(DelegateExecution execution, String verified, String report, String text) {
        execution.setVariable(verified, false);
        execution.setVariable(report, text);
    }

    static void of(DelegateExecution execution, String verified, String report, List<String> problems, String passedText) {
        if (problems.isEmpty()) {
            passed(execution, verified, report, passedText);
        } else {
            failed(execution, verified, report, String.join("; ", problems));
        }
    }

    static boolean ticked(DelegateExecution execution, String variable) {
        return Boolean.TRUE.equals(execution.getVariable(variable));
    }
}
