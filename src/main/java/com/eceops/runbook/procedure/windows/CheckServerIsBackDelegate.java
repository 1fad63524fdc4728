package com.eceops.runbook.procedure.windows;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.run.RunVariables;

/**
 * pre-1: one look at a restarting server. The BPMN loop around it waits between looks and escalates after
 * {@code maxPolls}; a server that does not answer yet is an expected answer here, not a failure.
 */
@Component("checkServerIsBackDelegate")
class CheckServerIsBackDelegate extends RunbookStep {

    CheckServerIsBackDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        boolean back = run.windows().isReachable(host) && !run.windows().readHostFacts(host).restartPending();
        RunVariables.countPoll(execution);
        WindowsServerVariables.SERVER_BACK.set(execution, back);
    }
}
