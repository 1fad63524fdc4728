package com.eceops.runbook.technology.sql;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The refusals the procedure's traps call for, decided from what the server says about itself just before the
 * statement would run. Pure: facts in, a refusal or nothing out.
 */
final class SqlGuards {

    static final String SSISDB = "SSISDB";

    private SqlGuards() {
    }

    /** post-4: restores go to the secondary only, and never over a database that is already in an AG. */
    static void restore(String host, String database, Map<String, String> localRoles, List<DatabaseFacts> databases) {
        String operation = "RESTORE " + database;
        localRoles.forEach((group, role) -> {
            if ("PRIMARY".equalsIgnoreCase(role)) {
                throw new SqlGuardRefusedException(host, operation, host + " is the PRIMARY replica of " + group
                        + "; restore on the secondary (post-4), never over the primary's data");
            }
        });
        databases.stream().filter(d -> d.name().equalsIgnoreCase(database) && d.inAvailabilityGroup()).findFirst()
                .ifPresent(d -> {
                    throw new SqlGuardRefusedException(host, operation, database + " is in an availability group on "
                            + host + "; remove it from the group before restoring over it");
                });
    }

    /** post-5: the document forbids adding SSISDB to the availability group. */
    static void notSsisdb(String host, String operation, String database) {
        if (SSISDB.equalsIgnoreCase(database)) {
            throw new SqlGuardRefusedException(host, operation, "SSISDB must NOT be added to the availability group (post-5)");
        }
    }

    /** sys-4: Standard edition lets one database into an AG (Basic AG); ECE needs three, so only Enterprise goes on. */
    static void editionAllows(SqlServerFacts facts, String operation, int databasesInGroup) {
        if (!facts.allowsManyDatabasesPerGroup() && databasesInGroup > 1) {
            throw new SqlGuardRefusedException(facts.host(), operation, facts.edition() + " allows one database per "
                    + "availability group and this would make " + databasesInGroup + "; install Enterprise (sys-4)");
        }
    }

    /** patch-2.1: the pre-patch backup is taken on the primary replica only (after a failover, on the new one). */
    static void onPrimary(String host, String operation, Map<String, String> localRoles) {
        if (localRoles.values().stream().noneMatch("PRIMARY"::equalsIgnoreCase)) {
            throw new SqlGuardRefusedException(host, operation, host + " is not the PRIMARY replica (roles " + localRoles
                    + "); the pre-patch backup is taken on the primary, found again on every attempt");
        }
    }

    /**
     * Rollback on the primary: the pre-patch backup goes back only where it cannot hit a live replica's data by
     * mistake. Never on a secondary replica, only on the server that took the backup or the primary, never over a
     * database still joined to an availability group, never from a file that RESTORE VERIFYONLY refused, and only
     * when the file's header shows the very backup set msdb recorded: REPLACE skips SQL Server's own check that the
     * backup belongs to the database it overwrites.
     */
    static void restoreBeforePatch(String host, PrePatchRestore restore, Map<String, String> localRoles,
                                   List<DatabaseFacts> databases, BackupVerification verification, Optional<BackupHeader> header) {
        String database = restore.database();
        String operation = "RESTORE " + database + " WITH REPLACE";
        localRoles.forEach((group, role) -> {
            if ("SECONDARY".equalsIgnoreCase(role)) {
                throw new SqlGuardRefusedException(host, operation, host + " is a SECONDARY replica of " + group
                        + "; the pre-patch backup is restored on the primary only, the secondary is seeded again");
            }
        });
        boolean primary = localRoles.values().stream().anyMatch("PRIMARY"::equalsIgnoreCase);
        if (!primary && !host.equalsIgnoreCase(restore.backupServer())) {
            throw new SqlGuardRefusedException(host, operation, host + " is neither the server that took the backup ("
                    + restore.backupServer() + ") nor the primary replica");
        }
        databases.stream().filter(d -> d.name().equalsIgnoreCase(database) && d.inAvailabilityGroup()).findFirst()
                .ifPresent(d -> {
                    throw new SqlGuardRefusedException(host, operation, database + " is joined to an availability group on "
                            + host + "; remove it from the group first (rollback step 2)");
                });
        if (!verification.valid()) {
            throw new SqlGuardRefusedException(host, operation, verification.path() + " fails RESTORE VERIFYONLY: "
                    + verification.report());
        }
        restore.mismatchWith(header).ifPresent(reason -> {
            throw new SqlGuardRefusedException(host, operation, restore.path() + " is not the recorded pre-patch backup: " + reason);
        });
    }

    /** Re-seeding: a stale copy is replaced on a secondary replica only, and never while it is joined. */
    static void replaceOnSecondary(String host, String database, Map<String, String> localRoles, List<DatabaseFacts> databases) {
        String operation = "RESTORE " + database + " WITH REPLACE, NORECOVERY";
        boolean secondary = !localRoles.isEmpty() && localRoles.values().stream().allMatch("SECONDARY"::equalsIgnoreCase);
        if (!secondary) {
            throw new SqlGuardRefusedException(host, operation, host + " is not a secondary replica (roles " + localRoles
                    + "); a copy is replaced on the secondary only, never over the primary's data");
        }
        databases.stream().filter(d -> d.name().equalsIgnoreCase(database) && d.inAvailabilityGroup()).findFirst()
                .ifPresent(d -> {
                    throw new SqlGuardRefusedException(host, operation, database + " is still joined to an availability group on "
                            + host + "; take it out first (SET HADR OFF)");
                });
    }

    /** Rollback: SET HADR OFF takes a secondary's copy out; on the primary it would be REMOVE DATABASE. */
    static void onSecondary(String host, String operation, Map<String, String> localRoles) {
        localRoles.forEach((group, role) -> {
            if ("PRIMARY".equalsIgnoreCase(role)) {
                throw new SqlGuardRefusedException(host, operation, host + " is the PRIMARY replica of " + group
                        + "; SET HADR OFF runs on a secondary (REMOVE DATABASE on the primary)");
            }
        });
    }
}
