package com.eceops.runbook.remote;

import java.util.List;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.Estate;

/**
 * A server as the remote layer reaches it: the inventory's name (what logs and errors say), the network
 * address (the FQDN, which Kerberos needs) and the connection settings.
 */
public record RemoteTarget(String host, String address, Connection connection) {

    /** Every server of the estate, addressed by its FQDN. */
    public static List<RemoteTarget> of(Estate estate) {
        return estate.allServers().stream()
                .map(server -> new RemoteTarget(server.name(), estate.fqdn(server.name()), server.connection()))
                .toList();
    }
}
