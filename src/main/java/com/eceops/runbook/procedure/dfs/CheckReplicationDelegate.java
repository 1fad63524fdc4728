package com.eceops.runbook.procedure.dfs;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.run.RunVariables;

/** pre-4.5: one look for the current round's change on the other side; the BPMN loop waits, counts and escalates. */
@Component("checkReplicationDelegate")
class CheckReplicationDelegate extends RunbookStep {

    CheckReplicationDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ReplicationTest round = ReplicationTest.round(DfsVariables.LOOP_COUNTER.from(execution).orElse(null));
        DfsVariables.REPLICATED.set(execution, round.replicated(run.windows(), DfsPlan.of(run.estate())));
        RunVariables.countPoll(execution);
    }
}
