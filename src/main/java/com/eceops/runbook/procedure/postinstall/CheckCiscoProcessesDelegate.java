package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * StartEce (post-2, patch-4.3): one look at the processes of the ECE service account on both
 * collocated servers. The service has started when the busier server runs at least the main server's count and the
 * other at least its own (the document: 20-30 and 9-10, within 15 minutes; {@code ece.ciscoProcesses}). Counts that
 * stop below these are not a start: the model's loop keeps looking until the start has taken longer than the
 * document allows ({@link CiscoServiceWait}), then hands it to the operators.
 */
@Component("checkCiscoProcessesDelegate")
class CheckCiscoProcessesDelegate extends RunbookStep {

    CheckCiscoProcessesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        CiscoProcesses processes = CiscoProcesses.count(run, PostInstallationPlan.of(run.estate(), execution));
        String now = processes.text();
        boolean settled = processes.started(run.estate().ece().ciscoProcesses());
        CiscoServiceVariables.CISCO_PROCESS_COUNTS.set(execution, now);
        CiscoServiceVariables.CISCO_PROCESSES_SETTLED.set(execution, settled);
        CiscoServiceVariables.CISCO_REPORT.set(execution, "Processes of " + processes.account() + ": " + now);
        CiscoServiceWait.lookedTooLong(execution, run, settled, run.estate().patchStepEstimates().startServices());
    }
}
