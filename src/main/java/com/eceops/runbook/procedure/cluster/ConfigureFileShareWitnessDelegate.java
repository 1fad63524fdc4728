package com.eceops.runbook.procedure.cluster;

import com.eceops.runbook.technology.cluster.ClusterState;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-5.2: node and file share majority on the verified share, unless set already; read back. */
@Component("configureFileShareWitnessDelegate")
class ConfigureFileShareWitnessDelegate extends RunbookStep {

    ConfigureFileShareWitnessDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ClusterPlan plan = ClusterPlan.of(run.estate());
        String share = ClusterVariables.WITNESS_SHARE_PATH.in(execution);
        if (!share.equalsIgnoreCase(run.cluster().readCluster(plan.sideA()).witnessPath())) {
            run.cluster().setFileShareWitness(plan.sideA(), share);
        }
        ClusterState after = run.cluster().readCluster(plan.sideA());
        if (!"NodeAndFileShareMajority".equals(after.quorumType()) || !share.equalsIgnoreCase(after.witnessPath())) {
            throw new OperationFailedException(plan.sideA(), "verify the quorum",
                    "expected NodeAndFileShareMajority on " + share + ", found " + after.quorumType() + " " + after.witnessPath());
        }
    }
}
