package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.cluster.ResourceState;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-6.5: HostRecordTTL 300 on the listener's network name resource ({@code <AG>_<listener>}, type Network Name,
 * in the AG's group), read back from both nodes. Only a change asks for the resource restart that makes it count.
 */
@Component("setHostRecordTtlDelegate")
class SetHostRecordTtlDelegate extends RunbookStep {

    static final String PARAMETER = "HostRecordTTL";
    static final String SECONDS = "300";

    SetHostRecordTtlDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        String resource = plan.networkNameResource();
        ResourceState state = run.cluster().readResource(plan.primary(), resource);
        if (!state.exists() || !"Network Name".equals(state.type()) || !plan.name().equalsIgnoreCase(state.group())) {
            throw new OperationFailedException(plan.primary(), "find the listener's network name",
                    "expected a Network Name resource " + resource + " in group " + plan.name() + ", found " + state);
        }
        boolean change = !SECONDS.equals(run.cluster().readResourceParameter(plan.primary(), resource, PARAMETER));
        if (change) {
            run.cluster().setResourceParameter(plan.primary(), resource, PARAMETER, SECONDS);
        }
        for (String node : plan.replicas()) {
            String value = run.cluster().readResourceParameter(node, resource, PARAMETER);
            if (!SECONDS.equals(value)) {
                throw new OperationFailedException(node, "verify " + PARAMETER, resource + " has " + value);
            }
        }
        AvailabilityGroupVariables.RESTART_NEEDED.set(execution, change);
    }
}
