package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.windows.ServiceStatus;

/**
 * StartEce (post-2's first start, patch-4.3, the rollback's start) and the final notes (before final-2): starts the Cisco service on
 * both collocated servers, side A first (the first start copies files from DFS). A service that runs or starts
 * already is left alone; a server without the service is a failure. The model's loop after it waits for the
 * processes (checkCiscoProcessesDelegate). Whether post-2 starts at all is decided before the call
 * (findCiscoServiceStartedBeforeDelegate).
 */
@Component("startCiscoServiceDelegate")
class StartCiscoServiceDelegate extends RunbookStep {

    StartCiscoServiceDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        for (String host : plan.collocated()) {
            ServiceStatus status = run.windows().readService(host, plan.ciscoService());
            if (!status.exists()) {
                throw new OperationFailedException(host, "start the Cisco service", "there is no " + plan.ciscoService() + " service");
            }
            if (!StopCiscoServiceDelegate.isUp(status)) {
                run.windows().startService(host, plan.ciscoService());
            }
            ServiceStatus after = run.windows().readService(host, plan.ciscoService());
            if (!StopCiscoServiceDelegate.isUp(after)) {
                throw new OperationFailedException(host, "start the Cisco service", "it is " + after.status());
            }
        }
        CiscoServiceWait.begin(execution, run);
        CiscoServiceVariables.CISCO_PROCESS_COUNTS.remove(execution);
    }
}
