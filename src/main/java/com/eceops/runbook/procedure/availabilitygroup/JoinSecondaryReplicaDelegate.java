package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-6.3: joins the side-B replica to the group ({@code ALTER AVAILABILITY GROUP ... JOIN}); joined is left alone. */
@Component("joinSecondaryReplicaDelegate")
class JoinSecondaryReplicaDelegate extends RunbookStep {

    JoinSecondaryReplicaDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        boolean joined = run.sql().readAvailabilityGroup(plan.secondary(), plan.name()).replicas().stream()
                .anyMatch(r -> r.host().equalsIgnoreCase(plan.secondary()) && r.joined());
        if (!joined) {
            run.sql().joinAvailabilityGroup(plan.secondary(), plan.name());
        }
    }
}
