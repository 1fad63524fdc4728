package com.eceops.runbook.sql;

import java.util.List;
import java.util.Map;

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
        if (!facts.isEnterprise() && databasesInGroup > 1) {
            throw new SqlGuardRefusedException(facts.host(), operation, facts.edition() + " allows one database per "
                    + "availability group and this would make " + databasesInGroup + "; install Enterprise (sys-4)");
        }
    }
}
