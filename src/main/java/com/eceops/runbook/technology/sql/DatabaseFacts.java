package com.eceops.runbook.technology.sql;

import java.time.Instant;
import java.util.Optional;

/** One database as sys.databases and msdb's backup history show it. {@code state} is ONLINE or RESTORING. */
public record DatabaseFacts(String name, String state, SqlServerOperations.RecoveryModel recoveryModel,
                            boolean inAvailabilityGroup, Optional<Instant> lastFullBackup,
                            Optional<Instant> lastLogBackup) {
}
