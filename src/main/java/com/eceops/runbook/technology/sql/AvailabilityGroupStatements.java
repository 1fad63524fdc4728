package com.eceops.runbook.technology.sql;

import static com.eceops.runbook.technology.sql.TSql.name;
import static com.eceops.runbook.technology.sql.TSql.text;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The endpoint, availability group, listener and join statements of pre-6.3, pre-6.4 and post-5, in the
 * grammar SQL Server 2016 accepts: no CLUSTER_TYPE, no REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT (2017+).
 */
final class AvailabilityGroupStatements {

    /** The document's "Any Replica" is NONE: no preference by role (CREATE AVAILABILITY GROUP, backup preference). */
    enum BackupPreference { PRIMARY, SECONDARY_ONLY, SECONDARY, NONE;

        static BackupPreference of(String spec) {
            String key = spec == null ? "NONE" : spec.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
            return switch (key) {
                case "ANY_REPLICA", "ANY", "NONE" -> NONE;
                case "PRIMARY", "PRIMARY_ONLY" -> PRIMARY;
                case "SECONDARY_ONLY" -> SECONDARY_ONLY;
                case "SECONDARY", "PREFER_SECONDARY" -> SECONDARY;
                default -> throw new IllegalArgumentException("unknown backup preference " + spec);
            };
        }
    }

    /** A replica as CREATE AVAILABILITY GROUP names it: {@code HOST} or {@code HOST\INSTANCE}. */
    record ReplicaSpec(String serverInstance, String endpointUrl, boolean synchronousCommit, boolean readableSecondary) {
    }

    /** One static listener address and its subnet mask; one per subnet the replicas live in. */
    record ListenerAddress(String ip, String mask) {
    }

    static final String ENDPOINT = "Hadr_endpoint";

    private AvailabilityGroupStatements() {
    }

    /** pre-6.3: the mirroring endpoint every replica needs, Windows-authenticated and encrypted. */
    static String createEndpoint(int port) {
        return "CREATE ENDPOINT " + name(ENDPOINT) + "\n STATE = STARTED\n AS TCP (LISTENER_PORT = " + port + ")\n"
                + " FOR DATABASE_MIRRORING (ROLE = ALL, AUTHENTICATION = WINDOWS NEGOTIATE, ENCRYPTION = REQUIRED ALGORITHM AES);";
    }

    /**
     * pre-6.3: the other replica's SQL service account connects through the endpoint. GRANT needs a login, and
     * setup does not create one for a domain service account, so the Windows login is created first if missing
     * ("Database Mirroring - Allow Network Access - Windows Authentication": CREATE LOGIN ... FROM WINDOWS, then
     * GRANT CONNECT ON ENDPOINT).
     */
    static String grantEndpointConnect(String account) {
        return "IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = " + text(account) + ")\n"
                + "    CREATE LOGIN " + name(account) + " FROM WINDOWS;\n"
                + "GRANT CONNECT ON ENDPOINT::" + name(ENDPOINT) + " TO " + name(account) + ";";
    }

    /** pre-6.3 on the intended primary. Synchronous commit with automatic failover (asynchronous replicas: manual), readable secondaries. */
    static String createAvailabilityGroup(String group, List<String> databases, List<ReplicaSpec> replicas,
                                          BackupPreference preference, boolean databaseHealthDetection) {
        String replicaList = replicas.stream().map(r -> " " + text(r.serverInstance()) + " WITH (\n"
                + "  ENDPOINT_URL = " + text(r.endpointUrl()) + ",\n"
                + "  AVAILABILITY_MODE = " + (r.synchronousCommit() ? "SYNCHRONOUS_COMMIT" : "ASYNCHRONOUS_COMMIT") + ",\n"
                + "  FAILOVER_MODE = " + (r.synchronousCommit() ? "AUTOMATIC" : "MANUAL") + ",\n"
                + "  SEEDING_MODE = MANUAL,\n"
                + "  SECONDARY_ROLE (ALLOW_CONNECTIONS = " + (r.readableSecondary() ? "ALL" : "NO") + "))")
                .collect(Collectors.joining(",\n"));
        String forDatabases = databases.isEmpty() ? "" : "FOR DATABASE " + databases.stream().map(TSql::name)
                .collect(Collectors.joining(", ")) + "\n";
        return "CREATE AVAILABILITY GROUP " + name(group) + "\n"
                + "WITH (AUTOMATED_BACKUP_PREFERENCE = " + preference.name() + ", DB_FAILOVER = "
                + (databaseHealthDetection ? "ON" : "OFF") + ")\n"
                + forDatabases
                + "REPLICA ON\n" + replicaList + ";";
    }

    /** pre-6.3 on the primary: one static IP per subnet, so the listener comes online on either side. */
    static String addListener(String group, String listener, List<ListenerAddress> addresses, int port) {
        String ips = addresses.stream().map(a -> "(" + text(a.ip()) + ", " + text(a.mask()) + ")")
                .collect(Collectors.joining(", "));
        return "ALTER AVAILABILITY GROUP " + name(group) + "\n ADD LISTENER " + text(listener)
                + " (WITH IP (" + ips + "), PORT = " + port + ");";
    }

    /** pre-6.4 on the secondary replica. */
    static String join(String group) {
        return "ALTER AVAILABILITY GROUP " + name(group) + " JOIN;";
    }

    /** post-5 on the primary. */
    static String addDatabase(String group, String database) {
        return "ALTER AVAILABILITY GROUP " + name(group) + " ADD DATABASE " + name(database) + ";";
    }

    /** pre-6.4, post-5 on the secondary: "join only", the restored copy is waiting WITH NORECOVERY. */
    static String joinDatabase(String group, String database) {
        return "ALTER DATABASE " + name(database) + " SET HADR AVAILABILITY GROUP = " + name(group) + ";";
    }

    static String removeDatabase(String group, String database) {
        return "ALTER AVAILABILITY GROUP " + name(group) + " REMOVE DATABASE " + name(database) + ";";
    }

    /** Rollback, on a secondary replica: takes the local copy out of its group (ALTER DATABASE SET HADR OFF). */
    static String leaveGroup(String database) {
        return "ALTER DATABASE " + name(database) + " SET HADR OFF;";
    }

    /** A planned manual failover without data loss, run on the synchronized secondary that takes over. */
    static String failover(String group) {
        return "ALTER AVAILABILITY GROUP " + name(group) + " FAILOVER;";
    }
}
