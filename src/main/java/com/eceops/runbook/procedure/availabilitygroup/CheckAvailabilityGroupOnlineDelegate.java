package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.cluster.ResourceState;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunVariables;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-6.5: one look at the AG resource and its group ({@code Get-ClusterResource}, {@code Get-ClusterGroup}):
 * the group counts as Online when the AG resource and the listener's network name are Online.
 */
@Component("checkAvailabilityGroupOnlineDelegate")
class CheckAvailabilityGroupOnlineDelegate extends RunbookStep {

    CheckAvailabilityGroupOnlineDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        ResourceState ag = run.cluster().readResource(plan.primary(), plan.name());
        ResourceState name = run.cluster().readResource(plan.primary(), plan.networkNameResource());
        AvailabilityGroupVariables.ONLINE.set(execution, ag.online() && name.online());
        AvailabilityGroupVariables.ONLINE_REPORT.set(execution,
                ag.name() + " " + ag.state() + ", " + name.name() + " " + name.state());
        RunVariables.countPoll(execution);
    }
}
