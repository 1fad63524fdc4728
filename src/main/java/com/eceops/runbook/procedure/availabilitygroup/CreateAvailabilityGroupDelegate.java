package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/** pre-6.3: creates the availability group with AGTemp on side A unless it exists; reads it back. */
@Component("createAvailabilityGroupDelegate")
class CreateAvailabilityGroupDelegate extends RunbookStep {

    CreateAvailabilityGroupDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        if (!run.sql().readAvailabilityGroup(plan.primary(), plan.name()).exists()) {
            run.sql().createAvailabilityGroup(plan.primary(), plan.spec());
        }
        AvailabilityGroupState after = run.sql().readAvailabilityGroup(plan.primary(), plan.name());
        if (!after.exists() || after.replicas().size() != 2) {
            throw new OperationFailedException(plan.primary(), "verify the availability group",
                    "expected " + plan.name() + " with two replicas, found " + after);
        }
    }
}
