package com.eceops.runbook.estate;

import java.util.List;

/**
 * Binds {@code sides:}. A server is more than its own keys: its drives, ECE home and connection come from
 * the estate-wide {@code drives:}, {@code paths:} and {@code connections:} according to its role.
 */
final class SideBinder {

    private final List<Drive> collocatedDrives;
    private final List<Drive> webDrives;
    private final Paths paths;
    private final YamlMap connectionDefaults;
    private final ConnectionSettings defaults;

    SideBinder(List<Drive> collocatedDrives, List<Drive> webDrives, Paths paths, YamlMap connectionDefaults) {
        this.collocatedDrives = collocatedDrives;
        this.webDrives = webDrives;
        this.paths = paths;
        this.connectionDefaults = connectionDefaults;
        this.defaults = ConnectionSettings.read(connectionDefaults);
    }

    Side side(YamlMap sides, String id) {
        YamlMap side = sides == null ? null : sides.map(id);
        if (side == null) {
            return null;
        }
        Subnet subnet = side.required("subnet", ScalarType.SUBNET);
        Server collocated = server(side.map("collocated"), id, ServerRole.COLLOCATED);
        Server web = server(side.map("web"), id, ServerRole.WEB);
        side.finish();
        return new Side(id, subnet, collocated, web);
    }

    /**
     * A connection outside the sides (the domain's management host): {@code override} over the defaults, with
     * {@code credential} in place of theirs when given. Null after reporting what is missing.
     */
    Connection connection(YamlMap override, CredentialRef credential, String path, Problems problems) {
        ConnectionSettings settings = ConnectionSettings.read(override).over(defaults);
        if (credential != null) {
            settings = new ConnectionSettings(null, null, null, credential, null, null, null, null, null).over(settings);
        }
        return settings.toConnection(connectionDefaults, "connections", problems);
    }

    private Server server(YamlMap server, String side, ServerRole role) {
        if (server == null) {
            return null;
        }
        String name = server.required("name", ScalarType.TEXT);
        String ip = server.required("ip", ScalarType.TEXT);
        String sqlInstance = role == ServerRole.COLLOCATED ? server.required("sqlInstance", ScalarType.TEXT) : null;
        Integer sqlPort = role == ServerRole.COLLOCATED ? server.optional("sqlPort", ScalarType.INTEGER).orElse(null) : null;
        String applicationServer = role == ServerRole.WEB ? server.required("applicationServer", ScalarType.TEXT) : null;
        YamlMap override = server.optionalMap("connection").orElse(null);
        Connection connection = ConnectionSettings.read(override).over(defaults)
                .toConnection(connectionDefaults, "connections", server.problems());
        server.finish();
        boolean collocated = role == ServerRole.COLLOCATED;
        String eceHome = paths == null ? null : collocated ? paths.eceHome() : paths.webEceHome();
        return new Server(name, ip, role, side, collocated ? collocatedDrives : webDrives, eceHome,
                applicationServer, sqlInstance, sqlPort, connection);
    }
}
