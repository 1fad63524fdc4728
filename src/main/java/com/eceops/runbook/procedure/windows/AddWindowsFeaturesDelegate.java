package com.eceops.runbook.procedure.windows;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-1: adds DFS Namespaces, DFS Replication and Failover Clustering where they are missing. A server that
 * has them all is left alone; {@code restartNeeded} tells the model whether to restart it.
 */
@Component("addWindowsFeaturesDelegate")
class AddWindowsFeaturesDelegate extends RunbookStep {

    AddWindowsFeaturesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        List<String> missing = RequiredWindowsFeatures.missingFrom(run.windows().installedFeatures(host));
        boolean restartNeeded = false;
        if (!missing.isEmpty()) {
            restartNeeded = run.windows().installFeatures(host, missing).restartNeeded();
        }
        // A restart may still be pending from an earlier attempt that installed the features.
        restartNeeded = restartNeeded || run.windows().readHostFacts(host).restartPending();
        WindowsServerVariables.RESTART_NEEDED.set(execution, restartNeeded);
    }
}
