package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-6.3 (listener tab): the listener with one static IP per subnet and the port, on the primary; read back. */
@Component("createListenerDelegate")
class CreateListenerDelegate extends RunbookStep {

    CreateListenerDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        String primary = run.sql().readAvailabilityGroup(plan.primary(), plan.name()).primary();
        if (run.sql().readAvailabilityGroup(primary, plan.name()).listenerName() == null) {
            run.sql().createListener(primary, plan.name(), plan.listener());
        }
        String listener = run.sql().readAvailabilityGroup(primary, plan.name()).listenerName();
        if (!plan.listener().name().equalsIgnoreCase(listener)) {
            throw new OperationFailedException(primary, "verify the listener",
                    "expected " + plan.listener().name() + ", found " + listener);
        }
    }
}
