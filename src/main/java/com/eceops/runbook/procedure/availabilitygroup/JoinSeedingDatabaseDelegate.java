package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.run.RunVariables;

/** pre-6.3/6.4: joins the restored AGTemp to the group on the secondary ("Join Database"); joined is left alone. */
@Component("joinSeedingDatabaseDelegate")
class JoinSeedingDatabaseDelegate extends RunbookStep {

    JoinSeedingDatabaseDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        run.sql().joinDatabaseToAvailabilityGroup(plan.secondary(), plan.name(), plan.seedingDatabase());
        RunVariables.POLL_COUNT.set(execution, 0);
    }
}
