package com.eceops.runbook.procedure.cluster;

import com.eceops.runbook.technology.cluster.ClusterState;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-5.1: creates the cluster with the CNO as name and one static IP per subnet, unless it exists; then reads
 * it back (name, both nodes Up, both IPs) and tells the model whether a file share witness is already set.
 */
@Component("createClusterDelegate")
class CreateClusterDelegate extends RunbookStep {

    CreateClusterDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ClusterPlan plan = ClusterPlan.of(run.estate());
        ClusterState before = run.cluster().readCluster(plan.sideA());
        if (before.exists() && !plan.name().equalsIgnoreCase(before.name())) {
            throw new OperationFailedException(plan.sideA(), "create the cluster",
                    "the nodes already form cluster " + before.name() + ", not " + plan.name());
        }
        if (!before.exists()) {
            run.cluster().createCluster(plan.sideA(), plan.name(), plan.nodes(), plan.ips());
        }
        ClusterState after = run.cluster().readCluster(plan.sideA());
        boolean nodesUp = plan.nodes().stream().allMatch(n -> "Up".equals(after.nodeStates().get(n.toUpperCase())));
        if (!after.exists() || !nodesUp || !after.ips().containsAll(plan.ips())) {
            throw new OperationFailedException(plan.sideA(), "verify the cluster", "expected " + plan.name()
                    + " with nodes " + plan.nodes() + " Up and IPs " + plan.ips() + ", found " + after);
        }
        ClusterVariables.WITNESS_CONFIGURED.set(execution,
                "NodeAndFileShareMajority".equals(after.quorumType()) && after.witnessPath() != null);
    }
}
