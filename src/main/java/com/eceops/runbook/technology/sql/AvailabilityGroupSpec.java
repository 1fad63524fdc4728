package com.eceops.runbook.technology.sql;

import java.util.List;

/**
 * The availability group of pre-6.3. {@code backupPreference} is e.g. {@code ANY_REPLICA};
 * {@code databaseHealthDetection} is off in the document.
 */
public record AvailabilityGroupSpec(String name, List<Replica> replicas, String backupPreference,
                                    boolean databaseHealthDetection, List<String> databases) {

    /** A replica: its host, {@code TCP://fqdn:5022}, commit mode and whether its secondary is readable. */
    public record Replica(String host, String endpointUrl, boolean synchronousCommit, boolean readableSecondary) {
    }
}
