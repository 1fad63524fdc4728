package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * post-2: reads only. The first start and stop of the Cisco service happened before when the ECE databases are
 * already joined on both replicas (post-5 done comes after post-2): a rerun must not stop a service that
 * production may be using, so the model skips StartEce and StopEce.
 */
@Component("findCiscoServiceStartedBeforeDelegate")
class FindCiscoServiceStartedBeforeDelegate extends RunbookStep {

    FindCiscoServiceStartedBeforeDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        CiscoServiceVariables.CISCO_STARTED_BEFORE.set(execution, databasesJoinedOnBothReplicas(run, plan));
    }

    private static boolean databasesJoinedOnBothReplicas(RunContext run, PostInstallationPlan plan) {
        var group = run.sql().readAvailabilityGroup(plan.primary(), plan.group());
        return group.exists() && plan.databases().stream().allMatch(db -> plan.collocated().stream().allMatch(host ->
                group.databases().stream().anyMatch(d -> d.database().equalsIgnoreCase(db) && d.host().equalsIgnoreCase(host)
                        && !"NOT_JOINED".equalsIgnoreCase(d.synchronizationState()))));
    }
}
