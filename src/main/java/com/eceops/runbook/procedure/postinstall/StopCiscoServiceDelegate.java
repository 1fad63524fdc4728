package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.windows.ServiceStatus;

/**
 * StopEce (post-2, patch-1.3, the rollback's stop): asks the Cisco service to stop on both collocated servers; a
 * stopped or stopping one is left alone. The model's loop then waits until no process of the ECE service account runs.
 */
@Component("stopCiscoServiceDelegate")
class StopCiscoServiceDelegate extends RunbookStep {

    StopCiscoServiceDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        for (String host : plan.collocated()) {
            if (isUp(run.windows().readService(host, plan.ciscoService()))) {
                run.windows().stopService(host, plan.ciscoService());
            }
            if (isUp(run.windows().readService(host, plan.ciscoService()))) {
                throw new OperationFailedException(host, "stop the Cisco service", "it is still running");
            }
        }
        CiscoServiceWait.begin(execution, run);
    }

    static boolean isUp(ServiceStatus status) {
        return status.status() == ServiceStatus.Status.RUNNING || status.status() == ServiceStatus.Status.START_PENDING;
    }
}
