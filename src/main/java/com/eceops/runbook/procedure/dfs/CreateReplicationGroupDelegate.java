package com.eceops.runbook.procedure.dfs;

import com.eceops.runbook.technology.dfs.ReplicationGroupSpec;
import com.eceops.runbook.technology.dfs.ReplicationGroupState;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-4.3: the replication group for the shared directory, side A as primary member, full mesh; replication is
 * continuous at full bandwidth (the group's default schedule, which the runbook never narrows). Read back.
 */
@Component("createReplicationGroupDelegate")
class CreateReplicationGroupDelegate extends RunbookStep {

    CreateReplicationGroupDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        DfsPlan plan = DfsPlan.of(run.estate());
        if (!run.dfs().readReplicationGroup(plan.sideA(), plan.group()).exists()) {
            run.dfs().createReplicationGroup(plan.sideA(), new ReplicationGroupSpec(plan.group(), plan.group(),
                    plan.members(), plan.sideA(), true, plan.sharedDirectory()));
        }
        ReplicationGroupState after = run.dfs().readReplicationGroup(plan.sideA(), plan.group());
        boolean members = plan.members().stream().allMatch(m -> after.members().stream().anyMatch(m::equalsIgnoreCase));
        if (!after.exists() || !members || !after.fullMesh()) {
            throw new OperationFailedException(plan.sideA(), "verify the replication group", "found " + after);
        }
    }
}
