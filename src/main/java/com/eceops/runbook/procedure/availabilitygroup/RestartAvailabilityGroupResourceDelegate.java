package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.run.RunVariables;

/**
 * pre-6.5: {@code Stop-ClusterResource}, {@code Start-ClusterResource} on the AG resource and
 * {@code Start-ClusterGroup} on its group, from one server, so that the new TTL takes effect. The model waits
 * for both to be Online afterwards.
 */
@Component("restartAvailabilityGroupResourceDelegate")
class RestartAvailabilityGroupResourceDelegate extends RunbookStep {

    RestartAvailabilityGroupResourceDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        run.cluster().stopResource(plan.primary(), plan.name());
        run.cluster().startResource(plan.primary(), plan.name());
        run.cluster().startGroup(plan.primary(), plan.name());
        RunVariables.POLL_COUNT.set(execution, 0);
    }
}
