package com.eceops.runbook.procedure.reportsdb;


import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/**
 * post-7: the utility must be pointed at the replica that was secondary at install time, and the document says to
 * fail the availability group back first if it was failed over since. Reads only; a group that is not as at
 * install time is the BPMN error {@value #ERROR}, which the model hands to the DBAs.
 */
@Component("checkReplicaRolesDelegate")
class CheckReplicaRolesDelegate extends RunbookStep {

    static final String ERROR = "ReplicasNotAsAtInstall";

    CheckReplicaRolesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ReportsDbPlan plan = ReportsDbPlan.of(run.estate(), execution::getVariable);
        String group = run.estate().availabilityGroup().name();
        AvailabilityGroupState state = run.sql().readAvailabilityGroup(plan.host(), group);
        String roles = state.replicas().stream().map(r -> r.host() + " " + r.role()).collect(Collectors.joining(", "));
        boolean asAtInstall = state.exists() && state.replicas().stream()
                .anyMatch(r -> r.host().equalsIgnoreCase(plan.secondary()) && "SECONDARY".equals(r.role()));
        String report = "Secondary replica at install time: " + plan.secondary() + ". Availability group " + group
                + " now: " + (roles.isEmpty() ? "no replicas" : roles) + ".";
        ReportsDbVariables.REPLICA_REPORT.set(execution, report);
        if (!asAtInstall) {
            throw new BpmnError(ERROR, report);
        }
    }
}
