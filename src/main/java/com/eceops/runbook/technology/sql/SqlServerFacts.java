package com.eceops.runbook.technology.sql;

/**
 * {@code SERVERPROPERTY('Edition')}, {@code ProductVersion}, {@code InstanceName} and
 * {@code IsHadrEnabled} of one instance.
 */
public record SqlServerFacts(String host, String edition, String productVersion, String instanceName,
                             boolean hadrEnabled) {

    /**
     * sys-4: Enterprise only. Developer has the same engine but is licensed for development and test, not for
     * production, and the document is plain: "It is critical that SQL Server Enterprise Edition be used."
     */
    public boolean isEnterprise() {
        return edition != null && edition.startsWith("Enterprise");
    }

    /**
     * What an availability group can hold: Enterprise and Developer (the same engine) take all three ECE databases
     * into one group; Standard's Basic Availability Groups take one database each.
     */
    public boolean allowsManyDatabasesPerGroup() {
        return edition != null && (edition.startsWith("Enterprise") || edition.startsWith("Developer"));
    }

    /** SQL Server 2016 is major version 13. */
    public boolean isSqlServer2016() {
        return productVersion != null && productVersion.startsWith("13.");
    }
}
