package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunVariables;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * StartEce (post-2, patch-4.3): one look at the processes of the ECE service account on both
 * collocated servers. They have stopped rising when every server has some and the counts equal those of the
 * previous look (the document expects 20-30 on one server and 9-10 on the other within 15 minutes). The model's
 * loop waits, counts and escalates.
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
        boolean settled = processes.allRunSome() && now.equals(CiscoServiceVariables.CISCO_PROCESS_COUNTS.orElse(execution, null));
        CiscoServiceVariables.CISCO_PROCESS_COUNTS.set(execution, now);
        CiscoServiceVariables.CISCO_PROCESSES_SETTLED.set(execution, settled);
        CiscoServiceVariables.CISCO_REPORT.set(execution, "Processes of " + processes.account() + ": " + now);
        RunVariables.countPoll(execution);
    }
}
