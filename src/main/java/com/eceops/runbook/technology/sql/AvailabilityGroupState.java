package com.eceops.runbook.technology.sql;

import java.util.List;

/** An availability group as the dashboard shows it. */
public record AvailabilityGroupState(String name, boolean exists, String listenerName, List<ReplicaState> replicas,
                                     List<DatabaseReplicaState> databases) {

    /** {@code role} PRIMARY/SECONDARY; {@code health} HEALTHY/PARTIALLY_HEALTHY/NOT_HEALTHY. */
    public record ReplicaState(String host, String role, boolean joined, String health) {
    }

    /** {@code synchronizationState} NOT_JOINED/SYNCHRONIZING/SYNCHRONIZED. */
    public record DatabaseReplicaState(String database, String host, String synchronizationState, String health) {
    }

    public String primary() {
        return replicas.stream().filter(r -> "PRIMARY".equals(r.role())).map(ReplicaState::host).findFirst().orElse(null);
    }

    /** Every replica and database healthy and synchronized: failover without data loss is possible. */
    public boolean healthy() {
        return exists && replicas.stream().allMatch(r -> "HEALTHY".equals(r.health()))
                && databases.stream().allMatch(d -> "SYNCHRONIZED".equals(d.synchronizationState()));
    }
}
