package com.eceops.runbook.procedure.cluster;

import com.eceops.runbook.technology.cluster.ClusterEvent;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-5.3: reads the cluster's events. 1069 and 1045 are expected on a dual-subnet cluster (the other subnet's
 * IP cannot come online); any other warning or error goes to an operator. Only reads.
 */
@Component("readClusterEventsDelegate")
class ReadClusterEventsDelegate extends RunbookStep {

    static final Set<Integer> EXPECTED = Set.of(1069, 1045);
    private static final Set<String> WORTH_A_LOOK = Set.of("Critical", "Error", "Warning");

    ReadClusterEventsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ClusterPlan plan = ClusterPlan.of(run.estate());
        List<ClusterEvent> unexpected = run.cluster().readEventsSince(plan.sideA(), Instant.EPOCH).stream()
                .filter(e -> !EXPECTED.contains(e.id()) && WORTH_A_LOOK.contains(e.level())).toList();
        ClusterVariables.EVENTS_TO_REVIEW.set(execution, !unexpected.isEmpty());
        ClusterVariables.UNEXPECTED_EVENTS.set(execution, unexpected.stream()
                .map(e -> e.at() + " " + e.level() + " " + e.id() + ": " + e.message()).collect(Collectors.joining("\n")));
    }
}
