package com.eceops.runbook.technology.powershell;

import java.util.List;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.Estate;

/**
 * A server as the remote layer reaches it: the inventory's name (what logs and errors say), the network
 * address (the FQDN, which Kerberos needs) and the connection settings.
 */
public record RemoteTarget(String host, String address, Connection connection) {

    /**
     * Every server of the estate, addressed by its FQDN, and the domain's management host when it has a
     * connection of its own (the Active Directory steps run there).
     */
    public static List<RemoteTarget> of(Estate estate) {
        List<RemoteTarget> targets = new java.util.ArrayList<>(estate.allServers().stream()
                .map(server -> new RemoteTarget(server.name(), estate.fqdn(server.name()), server.connection()))
                .toList());
        estate.domain().managementConnection().ifPresent(connection -> {
            String host = estate.domain().managementHost().orElseThrow();
            targets.add(new RemoteTarget(host, host.contains(".") ? host : estate.fqdn(host), connection));
        });
        return List.copyOf(targets);
    }
}
