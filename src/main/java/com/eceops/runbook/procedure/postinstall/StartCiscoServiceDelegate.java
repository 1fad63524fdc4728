package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.windows.ServiceStatus;

/**
 * post-2: starts the Cisco service on both collocated servers, side A first (its first start copies files from
 * DFS). A service that runs already is left alone; on an estate whose ECE databases
 * are already joined on both replicas nothing is started (variable {@code ciscoServiceStartedBefore}). The BPMN loop after it waits for the processes.
 */
@Component("startCiscoServiceDelegate")
class StartCiscoServiceDelegate extends RunbookStep {

    StartCiscoServiceDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        boolean startedBefore = databasesJoinedOnBothReplicas(run, plan);
        execution.setVariable(PostInstallationVariables.CISCO_STARTED_BEFORE, startedBefore);
        if (startedBefore) {
            return;
        }
        for (String host : plan.collocated()) {
            ServiceStatus status = run.windows().readService(host, plan.ciscoService());
            if (!status.exists()) {
                throw new OperationFailedException(host, "start the Cisco service", "there is no " + plan.ciscoService() + " service");
            }
            if (status.status() != ServiceStatus.Status.RUNNING && status.status() != ServiceStatus.Status.START_PENDING) {
                run.windows().startService(host, plan.ciscoService());
            }
            ServiceStatus after = run.windows().readService(host, plan.ciscoService());
            if (after.status() != ServiceStatus.Status.RUNNING && after.status() != ServiceStatus.Status.START_PENDING) {
                throw new OperationFailedException(host, "start the Cisco service", "it is " + after.status());
            }
        }
        execution.setVariable(PostInstallationVariables.POLL_COUNT, 0);
        execution.removeVariable(PostInstallationVariables.CISCO_PROCESS_COUNTS);
    }

    /** post-5 done means post-2 was done before it: a rerun must not stop a service that production may be using. */
    private static boolean databasesJoinedOnBothReplicas(RunContext run, PostInstallationPlan plan) {
        var group = run.sql().readAvailabilityGroup(plan.primary(), plan.group());
        return group.exists() && plan.databases().stream().allMatch(db -> plan.collocated().stream().allMatch(host ->
                group.databases().stream().anyMatch(d -> d.database().equalsIgnoreCase(db) && d.host().equalsIgnoreCase(host)
                        && !"NOT_JOINED".equalsIgnoreCase(d.synchronizationState()))));
    }
}
