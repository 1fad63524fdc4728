package com.eceops.runbook.procedure.postinstall;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunVariables;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/**
 * post-6: one look at the dashboard: the three ECE databases Synchronized and Healthy on both replicas, every
 * replica Healthy (failover readiness "No Data Loss"). The BPMN loop around it waits, counts and escalates.
 */
@Component("checkEceDatabasesSynchronizedDelegate")
class CheckEceDatabasesSynchronizedDelegate extends RunbookStep {

    CheckEceDatabasesSynchronizedDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        AvailabilityGroupState group = run.sql().readAvailabilityGroup(plan.primary(), plan.group());
        List<String> findings = new ArrayList<>();
        group.replicas().stream().filter(r -> !"HEALTHY".equals(r.health()))
                .forEach(r -> findings.add("replica " + r.host() + " is " + r.health()));
        for (String database : plan.databases()) {
            for (String host : plan.collocated()) {
                var state = group.databases().stream()
                        .filter(d -> d.database().equalsIgnoreCase(database) && d.host().equalsIgnoreCase(host)).findFirst();
                if (state.isEmpty()) {
                    findings.add(database + " is not in the group on " + host);
                } else if (!"SYNCHRONIZED".equals(state.get().synchronizationState())
                        || (state.get().health() != null && !"HEALTHY".equals(state.get().health()))) {
                    findings.add(database + " on " + host + " is " + state.get().synchronizationState() + ", " + state.get().health());
                }
            }
        }
        PostInstallationVariables.DATABASES_SYNCHRONIZED.set(execution, findings.isEmpty());
        PostInstallationVariables.SYNCHRONIZATION_REPORT.set(execution,
                findings.isEmpty() ? "Synchronized and Healthy, no data loss" : String.join("\n", findings));
        RunVariables.countPoll(execution);
    }
}
