package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-6.1: reads {@code IsHadrEnabled} back; AlwaysOn must be in effect on the instance. */
@Component("verifyAlwaysOnDelegate")
class VerifyAlwaysOnDelegate extends RunbookStep {

    VerifyAlwaysOnDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        if (!run.sql().readFacts(host).hadrEnabled()) {
            throw new OperationFailedException(host, "verify AlwaysOn", "IsHadrEnabled is still 0 after the restart");
        }
    }
}
