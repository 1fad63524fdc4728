package com.eceops.runbook.procedure.activedirectory;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-2: reads every item back and reports each one that is missing, and each listener SPN another account also
 * holds ({@code setspn -Q}); the model decides what follows.
 */
@Component("verifyActiveDirectoryDelegate")
class VerifyActiveDirectoryDelegate extends RunbookStep {

    VerifyActiveDirectoryDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        List<String> missing = new ArrayList<>(ActiveDirectoryItems.of(run.estate()).missing(run.activeDirectory()));
        RegisterListenerSpnsDelegate.conflicts(run, run.estate().accounts().sqlService().name())
                .forEach(conflict -> missing.add("pre-2.5: " + conflict));
        ActiveDirectoryVariables.MISSING.set(execution,
                missing.stream().map(m -> "- " + m + "\n").reduce("", String::concat));
        ActiveDirectoryVariables.COMPLETE.set(execution, missing.isEmpty());
    }
}
