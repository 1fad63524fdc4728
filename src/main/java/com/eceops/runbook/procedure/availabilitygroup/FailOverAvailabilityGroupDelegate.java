package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/**
 * pre-6.5 (failover tested both ways, done by the runbook when the DBA chooses it): a planned failover without
 * data loss to the current secondary, run on that secondary. The model runs it twice and checks health after each.
 */
@Component("failOverAvailabilityGroupDelegate")
class FailOverAvailabilityGroupDelegate extends RunbookStep {

    FailOverAvailabilityGroupDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        AvailabilityGroupState state = run.sql().readAvailabilityGroup(plan.primary(), plan.name());
        String target = state.replicas().stream().filter(r -> "SECONDARY".equals(r.role())).map(r -> r.host())
                .findFirst().orElseThrow(() -> new OperationFailedException(plan.primary(), "fail over",
                        "no secondary replica in " + state));
        run.sql().failover(target, plan.name());
        String primary = run.sql().readAvailabilityGroup(target, plan.name()).primary();
        if (!target.equalsIgnoreCase(primary)) {
            throw new OperationFailedException(target, "verify the failover", "the primary is still " + primary);
        }
    }
}
