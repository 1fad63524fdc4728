package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import java.sql.Connection;

/** Addresses an instance by the names the estate uses: a collocated server, or the AG listener's name. */
final class EstateConnections implements ConnectionSource {

    private final Estate estate;
    private final JdbcConnector connector;

    EstateConnections(Estate estate, JdbcConnector connector) {
        this.estate = estate;
        this.connector = connector;
    }

    SqlTarget target(String host) {
        var group = estate.availabilityGroup();
        if (group != null && group.listenerName() != null && group.listenerName().equalsIgnoreCase(host)) {
            return SqlTarget.listener(group.listenerName(), estate.fqdn(group.listenerName()), group.listenerPort());
        }
        Server server = estate.collocatedServers().stream().filter(s -> s.name().equalsIgnoreCase(host)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(host + " is neither a collocated server nor the listener of "
                        + estate.name()));
        if (server.sqlPort() != null) {
            return SqlTarget.replicaAt(server.name(), estate.fqdn(server.name()), server.sqlPort());
        }
        return SqlTarget.replica(server.name(), estate.fqdn(server.name()), server.sqlInstance());
    }

    @Override
    public Connection open(String host, String database) {
        return connector.open(target(host), database);
    }
}
