package com.eceops.runbook.procedure.windows;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-1: reads the features back after the restart; any still missing fails the step with their names. */
@Component("verifyWindowsFeaturesDelegate")
class VerifyWindowsFeaturesDelegate extends RunbookStep {

    VerifyWindowsFeaturesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        List<String> missing = RequiredWindowsFeatures.missingFrom(run.windows().installedFeatures(host));
        if (!missing.isEmpty()) {
            throw new OperationFailedException(host, "verify Windows features",
                    "still missing after installation and restart: " + String.join(", ", missing));
        }
    }
}
