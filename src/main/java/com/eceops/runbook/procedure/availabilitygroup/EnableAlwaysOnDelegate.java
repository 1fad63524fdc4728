package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-6.1: enables AlwaysOn availability groups on the instance when it is not in effect yet, and asks the model
 * to restart the SQL Server service. An instance where AlwaysOn is in effect is left alone.
 */
@Component("enableAlwaysOnDelegate")
class EnableAlwaysOnDelegate extends RunbookStep {

    EnableAlwaysOnDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        boolean inEffect = run.sql().readFacts(host).hadrEnabled();
        if (!inEffect) {
            run.sql().enableAlwaysOn(host);
        }
        AvailabilityGroupVariables.SQL_RESTART_NEEDED.set(execution, !inEffect);
    }
}
