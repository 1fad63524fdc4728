package com.eceops.runbook.procedure.finalnotes;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import com.eceops.runbook.run.Var;

/** How every final-notes check reports: a verified flag for the gateway and a sentence for the task's form. */
final class CheckOutcome {

    private CheckOutcome() {
    }

    static void passed(DelegateExecution execution, Var<Boolean> verified, Var<String> report, String text) {
        verified.set(execution, true);
        report.set(execution, text);
    }

    static void failed(DelegateExecution execution, Var<Boolean> verified, Var<String> report, String text) {
        verified.set(execution, false);
        report.set(execution, text);
    }

    static void of(DelegateExecution execution, Var<Boolean> verified, Var<String> report, List<String> problems, String passedText) {
        if (problems.isEmpty()) {
            passed(execution, verified, report, passedText);
        } else {
            failed(execution, verified, report, String.join("; ", problems));
        }
    }

    static boolean ticked(DelegateExecution execution, Var<Boolean> variable) {
        return variable.orElse(execution, false);
    }
}
