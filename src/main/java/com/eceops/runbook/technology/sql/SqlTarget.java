package com.eceops.runbook.technology.sql;

import java.util.Optional;

/**
 * Where a connection goes: the AG listener (then {@code multiSubnetFailover=true}, so the driver tries the
 * listener's IPs in both subnets at once) or one named replica. A named instance is found by name
 * (SQL Browser) unless a port is given.
 */
public record SqlTarget(String label, String serverName, Optional<String> instanceName, Optional<Integer> port,
                        boolean listener) {

    public static SqlTarget listener(String label, String fqdn, int port) {
        return new SqlTarget(label, fqdn, Optional.empty(), Optional.of(port), true);
    }

    public static SqlTarget replica(String label, String fqdn, String instance) {
        boolean defaultInstance = instance == null || instance.equalsIgnoreCase("MSSQLSERVER");
        return new SqlTarget(label, fqdn, defaultInstance ? Optional.empty() : Optional.of(instance),
                defaultInstance ? Optional.of(1433) : Optional.empty(), false);
    }

    public static SqlTarget replicaAt(String label, String host, int port) {
        return new SqlTarget(label, host, Optional.empty(), Optional.of(port), false);
    }
}
