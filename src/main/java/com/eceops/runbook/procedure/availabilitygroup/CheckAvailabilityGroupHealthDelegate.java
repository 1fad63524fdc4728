package com.eceops.runbook.procedure.availabilitygroup;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.cluster.ResourceState;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunVariables;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/**
 * pre-6.4: one look at the group as the dashboard shows it, read on the primary and on the secondary: every
 * replica HEALTHY, AGTemp SYNCHRONIZED on both (failover readiness "no data loss"), and the listener in place
 * with its network name Online. The BPMN loop around it waits, counts and escalates.
 */
@Component("checkAvailabilityGroupHealthDelegate")
class CheckAvailabilityGroupHealthDelegate extends RunbookStep {

    CheckAvailabilityGroupHealthDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        List<String> findings = new ArrayList<>();
        for (String host : plan.replicas()) {
            AvailabilityGroupState state = run.sql().readAvailabilityGroup(host, plan.name());
            if (!state.healthy()) {
                findings.add("on " + host + ": " + describe(state));
            }
            boolean seeded = state.databases().stream().filter(d -> d.database().equalsIgnoreCase(plan.seedingDatabase()))
                    .count() == plan.replicas().size();
            if (!seeded) {
                findings.add("on " + host + ": " + plan.seedingDatabase() + " is not in the group on both replicas");
            }
            if (!plan.listener().name().equalsIgnoreCase(state.listenerName())) {
                findings.add("on " + host + ": listener " + state.listenerName() + " instead of " + plan.listener().name());
            }
        }
        ResourceState listener = run.cluster().readResource(plan.primary(), plan.networkNameResource());
        if (!listener.online()) {
            findings.add("the listener's network name " + plan.networkNameResource() + " is " + listener.state());
        }
        AvailabilityGroupVariables.HEALTHY.set(execution, findings.isEmpty());
        AvailabilityGroupVariables.HEALTH_REPORT.set(execution,
                findings.isEmpty() ? "Healthy, Synchronized, no data loss" : String.join("\n", findings));
        RunVariables.countPoll(execution);
    }

    private static String describe(AvailabilityGroupState state) {
        if (!state.exists()) {
            return "no availability group";
        }
        return state.replicas().stream().map(r -> r.host() + " " + r.role() + " " + r.health()).toList() + " "
                + state.databases().stream().map(d -> d.database() + "@" + d.host() + " " + d.synchronizationState()).toList();
    }
}
