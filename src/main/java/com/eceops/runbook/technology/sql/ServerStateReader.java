package com.eceops.runbook.technology.sql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns DMV rows into the typed facts and states the operations and guards decide on. */
final class ServerStateReader {

    private final SqlSession session;
    private final String host;

    ServerStateReader(SqlSession session, String host) {
        this.session = session;
        this.host = host;
    }

    SqlServerFacts facts() {
        Map<String, Object> row = session.query(DmvQueries.SERVER_FACTS).get(0);
        return new SqlServerFacts(host, str(row.get("edition")), str(row.get("product_version")),
                str(row.get("instance_name")), toInt(row.get("hadr_enabled")) == 1);
    }

    List<DatabaseFacts> databases() {
        return session.query(DmvQueries.DATABASES).stream().map(r -> new DatabaseFacts(str(r.get("name")),
                str(r.get("state_desc")), recoveryModel(str(r.get("recovery_model_desc"))),
                toInt(r.get("in_availability_group")) == 1, instant(r.get("last_full_utc")), instant(r.get("last_log_utc"))))
                .toList();
    }

    Optional<DatabaseFacts> database(String name) {
        return databases().stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Availability group name to this replica's role in it (PRIMARY, SECONDARY, RESOLVING). */
    Map<String, String> localRoles() {
        Map<String, String> roles = new LinkedHashMap<>();
        session.query(DmvQueries.LOCAL_ROLES).forEach(r -> roles.put(str(r.get("availability_group")), str(r.get("role_desc"))));
        return roles;
    }

    AvailabilityGroupState availabilityGroup(String group) {
        if (session.query(DmvQueries.AVAILABILITY_GROUP_EXISTS, group).isEmpty()) {
            return new AvailabilityGroupState(group, false, null, List.of(), List.of());
        }
        List<AvailabilityGroupState.ReplicaState> replicas = session.query(DmvQueries.REPLICAS, group).stream()
                .map(r -> new AvailabilityGroupState.ReplicaState(str(r.get("replica_server_name")), str(r.get("role_desc")),
                        str(r.get("join_state_desc")) != null && str(r.get("join_state_desc")).startsWith("JOINED"),
                        str(r.get("synchronization_health_desc"))))
                .toList();
        List<AvailabilityGroupState.DatabaseReplicaState> databases = session.query(DmvQueries.DATABASE_REPLICAS, group)
                .stream().map(r -> new AvailabilityGroupState.DatabaseReplicaState(str(r.get("database_name")),
                        str(r.get("replica_server_name")), str(r.get("synchronization_state_desc")),
                        str(r.get("synchronization_health_desc"))))
                .toList();
        String listener = session.query(DmvQueries.LISTENER, group).stream().map(r -> str(r.get("dns_name")))
                .findFirst().orElse(null);
        return new AvailabilityGroupState(group, true, listener, replicas, databases);
    }

    Optional<BackupSetFacts> backupSet(String database, String path) {
        return session.query(DmvQueries.BACKUP_SET_AT_PATH, path, database).stream().findFirst()
                .map(r -> new BackupSetFacts(database, host, path, instant(r.get("finished_utc")).orElse(null),
                        str(r.get("first_lsn")), str(r.get("last_lsn")), toInt(r.get("position"))));
    }

    Optional<RestoreFacts> lastRestore(String database) {
        return session.query(DmvQueries.LAST_RESTORE, database).stream().findFirst()
                .map(r -> new RestoreFacts(database, str(r.get("physical_device_name")), instant(r.get("restored_utc")).orElse(null),
                        str(r.get("first_lsn")), str(r.get("last_lsn"))));
    }

    /** RESTORE HEADERONLY of one backup set; empty when the file holds no set at that position. */
    Optional<BackupHeader> backupHeader(String path, int position) {
        List<BatchResult> results = session.run(DatabaseStatements.readHeader(path, position), "master", "patch-2.1");
        return results.stream().flatMap(r -> r.firstResultSet().stream()).findFirst()
                .map(r -> new BackupHeader(str(r.get("DatabaseName")), toInt(r.get("BackupType")), str(r.get("FirstLSN")),
                        str(r.get("LastLSN")), toInt(r.get("Position")), toInt(r.get("HasBackupChecksums")) == 1));
    }

    /** The Agent job of a detached statement and, while it runs, how far the statement naming {@code path} is. */
    DetachedRun detachedRun(String job, String path) {
        List<Map<String, Object>> rows = session.query(DmvQueries.DETACHED_JOB, job);
        if (rows.isEmpty()) {
            return DetachedRun.absent(job);
        }
        Map<String, Object> row = rows.get(0);
        if (toInt(row.get("running")) == 1) {
            List<Map<String, Object>> progress = session.query(DmvQueries.DETACHED_PROGRESS, path);
            Object percent = progress.isEmpty() ? null : progress.get(0).get("percent_complete");
            return new DetachedRun(job, DetachedRun.State.RUNNING, percent == null || percent.toString().isBlank() ? null
                    : (int) Double.parseDouble(percent.toString()), null);
        }
        Object status = row.get("run_status");
        if (status != null && !status.toString().isBlank() && toInt(status) == 0) {
            return new DetachedRun(job, DetachedRun.State.FAILED, null, str(row.get("message")));
        }
        // Created but not running and not failed: started and not yet picked up, or between steps.
        return new DetachedRun(job, DetachedRun.State.RUNNING, null, null);
    }

    int count(String sql, Object... parameters) {
        List<Map<String, Object>> rows = session.query(sql, parameters);
        return rows.isEmpty() ? 0 : toInt(rows.get(0).values().iterator().next());
    }

    Optional<Boolean> agentJobEnabled(String job) {
        return session.query(DmvQueries.AGENT_JOB_ENABLED, job).stream().findFirst().map(r -> toInt(r.get("enabled")) == 1);
    }

    List<AgentJob> agentJobs() {
        return session.query(DmvQueries.AGENT_JOBS).stream()
                .map(r -> new AgentJob(str(r.get("name")), str(r.get("description")), str(r.get("command")))).toList();
    }

    private static SqlServerOperations.RecoveryModel recoveryModel(String text) {
        return text == null ? null : SqlServerOperations.RecoveryModel.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static Optional<Instant> instant(Object value) {
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.parse(value.toString()).toInstant(ZoneOffset.UTC));
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static int toInt(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value == null ? 0 : Integer.parseInt(value.toString().trim());
    }
}
