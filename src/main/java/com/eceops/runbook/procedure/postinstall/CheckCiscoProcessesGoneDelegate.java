package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** StopEce (post-2, patch-1.3): one look whether any process of the ECE service account still runs on a collocated server (3-5 minutes). */
@Component("checkCiscoProcessesGoneDelegate")
class CheckCiscoProcessesGoneDelegate extends RunbookStep {

    CheckCiscoProcessesGoneDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        CiscoProcesses processes = CiscoProcesses.count(run, PostInstallationPlan.of(run.estate(), execution));
        CiscoServiceVariables.CISCO_PROCESSES_GONE.set(execution, processes.noneLeft());
        CiscoServiceVariables.CISCO_REPORT.set(execution, "Processes of " + processes.account() + " still running: " + processes.text());
        CiscoServiceWait.lookedTooLong(execution, run, processes.noneLeft(), run.estate().patchStepEstimates().stopServices());
    }
}
