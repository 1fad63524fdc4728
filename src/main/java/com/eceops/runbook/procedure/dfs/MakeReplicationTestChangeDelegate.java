package com.eceops.runbook.procedure.dfs;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-4.5: the change of the current round of the replication test (see {@link ReplicationTest}). */
@Component("makeReplicationTestChangeDelegate")
class MakeReplicationTestChangeDelegate extends RunbookStep {

    MakeReplicationTestChangeDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ReplicationTest round = ReplicationTest.round(DfsVariables.LOOP_COUNTER.from(execution).orElse(null));
        DfsVariables.REPLICATION_TEST.set(execution, round.description());
        round.change(run.windows(), DfsPlan.of(run.estate()));
    }
}
