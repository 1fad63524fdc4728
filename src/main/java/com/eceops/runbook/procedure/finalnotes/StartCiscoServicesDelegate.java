package com.eceops.runbook.procedure.finalnotes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.CheckApplyVerify;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.windows.ServiceStatus;

/**
 * Before final-2: post-2 left the Cisco service stopped, and the business partition (final-2) and the load
 * balancer's checks (final-5) need ECE running. Starts it on both collocated servers, side A first; a service
 * running or starting already is left alone. The loop after it waits for the login page.
 */
@Component("startCiscoServicesDelegate")
class StartCiscoServicesDelegate extends RunbookStep {

    StartCiscoServicesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String service = run.estate().ece().serviceName();
        for (Server server : run.estate().collocatedServers()) {
            String host = server.name();
            CheckApplyVerify.ensure(host, service + " service running", () -> run.windows().readService(host, service),
                    status -> {
                        if (!status.exists()) {
                            throw new OperationFailedException(host, "start the " + service + " service", "there is no such service");
                        }
                        return status.status() == ServiceStatus.Status.RUNNING || status.status() == ServiceStatus.Status.START_PENDING;
                    },
                    () -> run.windows().startService(host, service));
        }
        execution.setVariable(FinalNotesVariables.POLL_COUNT, 0);
    }
}
