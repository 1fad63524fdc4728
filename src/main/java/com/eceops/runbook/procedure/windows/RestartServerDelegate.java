package com.eceops.runbook.procedure.windows;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.run.RunVariables;

/**
 * pre-1: restarts a server that Windows asked to restart. Only a server with a pending restart is restarted,
 * so a retried step never restarts a server twice.
 */
@Component("restartServerDelegate")
class RestartServerDelegate extends RunbookStep {

    RestartServerDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        if (run.windows().isReachable(host) && run.windows().readHostFacts(host).restartPending()) {
            run.windows().restart(host);
        }
        WindowsServerVariables.SERVER_BACK.set(execution, false);
        RunVariables.POLL_COUNT.set(execution, 0);
    }
}
