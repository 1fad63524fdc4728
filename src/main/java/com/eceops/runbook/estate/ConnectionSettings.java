package com.eceops.runbook.estate;

import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The keys of a {@code connections:} default or a server's {@code connection:} override, each possibly
 * absent. A server's connection is its override laid over the defaults, key by key.
 */
record ConnectionSettings(Connection.Protocol protocol, Integer port, String user, CredentialRef credential,
                          String hostKeyFingerprint, String privateKeyFile, String trustStore,
                          Boolean relaxCertificateChecks, Connection.DoubleHop doubleHop) {

    static final ConnectionSettings NONE = new ConnectionSettings(null, null, null, null, null, null, null, null, null);

    static final ScalarType<Connection.DoubleHop> DOUBLE_HOP = (ScalarNode node) -> switch (node.getValue().toLowerCase(Locale.ROOT)) {
        case "resource-owner" -> Connection.DoubleHop.RESOURCE_OWNER;
        case "scheduled-task" -> Connection.DoubleHop.SCHEDULED_TASK;
        case "ssh-password" -> Connection.DoubleHop.SSH_PASSWORD;
        default -> throw new IllegalArgumentException("'" + node.getValue()
                + "' is not a double-hop strategy (resource-owner, scheduled-task or ssh-password)");
    };

    static final ScalarType<Connection.Protocol> PROTOCOL = (ScalarNode node) -> switch (node.getValue().toLowerCase(Locale.ROOT)) {
        case "winrm-https" -> Connection.Protocol.WINRM_HTTPS;
        case "ssh" -> Connection.Protocol.SSH;
        default -> throw new IllegalArgumentException("'" + node.getValue() + "' is not a protocol (winrm-https or ssh)");
    };

    static ConnectionSettings read(YamlMap map) {
        if (map == null) {
            return NONE;
        }
        ConnectionSettings settings = new ConnectionSettings(
                map.optional("protocol", PROTOCOL).orElse(null),
                map.optional("port", ScalarType.INTEGER).orElse(null),
                map.optional("user", ScalarType.TEXT).orElse(null),
                map.optional("credential", ScalarType.CREDENTIAL).orElse(null),
                map.optional("hostKeyFingerprint", ScalarType.TEXT).orElse(null),
                map.optional("privateKeyFile", ScalarType.TEXT).orElse(null),
                map.optional("trustStore", ScalarType.TEXT).orElse(null),
                map.optional("relaxCertificateChecks", ScalarType.BOOLEAN).orElse(null),
                map.optional("doubleHop", DOUBLE_HOP).orElse(null));
        map.finish();
        return settings;
    }

    /**
     * This override laid over {@code defaults}. A server that changes the protocol without a port gets the
     * protocol's own port, not the default's port of the other protocol.
     */
    ConnectionSettings over(ConnectionSettings defaults) {
        Connection.Protocol mergedProtocol = protocol != null ? protocol : defaults.protocol;
        Integer mergedPort = port != null ? port : protocol != null ? null : defaults.port;
        if (mergedPort == null && mergedProtocol != null) {
            mergedPort = mergedProtocol == Connection.Protocol.SSH ? 22 : 5986;
        }
        return new ConnectionSettings(mergedProtocol, mergedPort,
                user != null ? user : defaults.user,
                credential != null ? credential : defaults.credential,
                hostKeyFingerprint != null ? hostKeyFingerprint : defaults.hostKeyFingerprint,
                privateKeyFile != null ? privateKeyFile : defaults.privateKeyFile,
                trustStore != null ? trustStore : defaults.trustStore,
                relaxCertificateChecks != null ? relaxCertificateChecks : defaults.relaxCertificateChecks,
                doubleHop != null ? doubleHop : defaults.doubleHop);
    }

    /**
     * The connection, or null after reporting each key that neither the server nor the defaults give.
     * A key written in the defaults but unreadable was reported when read and is not reported again.
     */
    Connection toConnection(YamlMap defaults, String defaultsPath, Problems problems) {
        boolean complete = true;
        for (String[] key : new String[][] {{"protocol", str(protocol)}, {"user", user}, {"credential", str(credential)}}) {
            if (key[1] == null) {
                complete = false;
                if (defaults == null || !defaults.has(key[0])) {
                    problems.add(defaultsPath + "." + key[0], defaults == null ? 0 : defaults.line(),
                            "the required key '" + key[0] + "' is missing (give it here or in each server's connection)");
                }
            }
        }
        return complete ? new Connection(protocol, port, user, credential, Optional.ofNullable(hostKeyFingerprint),
                Optional.ofNullable(privateKeyFile), Optional.ofNullable(trustStore),
                Boolean.TRUE.equals(relaxCertificateChecks), Optional.ofNullable(doubleHop)) : null;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
