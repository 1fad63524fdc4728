package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-6.3 (endpoints tab): the database mirroring endpoint on the inventory's port and CONNECT on it for the SQL
 * service account. Both operations find an existing endpoint and grant and change nothing then.
 */
@Component("createHadrEndpointDelegate")
class CreateHadrEndpointDelegate extends RunbookStep {

    CreateHadrEndpointDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        run.sql().createHadrEndpoint(host, plan.endpointPort());
        run.sql().grantEndpointConnect(host, plan.sqlServiceAccount());
    }
}
