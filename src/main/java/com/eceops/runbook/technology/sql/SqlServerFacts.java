package com.eceops.runbook.technology.sql;

/**
 * {@code SERVERPROPERTY('Edition')}, {@code ProductVersion}, {@code InstanceName} and
 * {@code IsHadrEnabled} of one instance.
 */
public record SqlServerFacts(String host, String edition, String productVersion, String instanceName,
                             boolean hadrEnabled) {

    /** Enterprise and Developer editions let all three ECE databases into one availability group. */
    public boolean isEnterprise() {
        return edition != null && (edition.startsWith("Enterprise") || edition.startsWith("Developer"));
    }

    /** SQL Server 2016 is major version 13. */
    public boolean isSqlServer2016() {
        return productVersion != null && productVersion.startsWith("13.");
    }
}
