package com.eceops.runbook.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Application nodes sharing one PostgreSQL (embedded), as a cluster is run: the packaged jar under the
 * {@code postgres} profile, each node with its own name, port and data folder, and rehearsals with zero durations
 * and no pause between checks. Also reads what the job log says about given runs.
 */
final class PostgresNodes implements AutoCloseable {

    private static final String DB_PASSWORD = "it-db-password-nodes";

    /** The messages of the engine's and the lab's optimistic-locking conflicts, retried without using up a retry. */
    static final Pattern CONFLICT = Pattern.compile(
            "was changed by another job meanwhile|updated by another transaction concurrently|ENGINE-03005");

    private final EmbeddedPostgres postgres;
    private final List<RunbookJar> nodes = new ArrayList<>();

    private PostgresNodes(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the database and {@code count} nodes, one after the other (two engines creating the schema at once collide). */
    static PostgresNodes start(int count, Path estates) throws Exception {
        PostgresNodes cluster = new PostgresNodes(EmbeddedPostgres.builder().start());
        try (Connection connection = cluster.postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create role runbook login password '" + DB_PASSWORD + "'");
            statement.execute("create database runbook owner runbook");
        }
        for (int i = 0; i < count; i++) {
            RunbookJar node = RunbookJar.start(cluster.environment("node-" + (char) ('a' + i), estates));
            cluster.nodes.add(node);
            node.awaitHealthy(Duration.ofMinutes(3));
        }
        return cluster;
    }

    RunbookJar node(int index) {
        return nodes.get(index);
    }

    /** The node for the i-th of many calls: round robin. */
    RunbookJar nodeFor(int i) {
        return nodes.get(Math.floorMod(i, nodes.size()));
    }

    int size() {
        return nodes.size();
    }

    Connection connect() throws SQLException {
        return postgres.getDatabase("runbook", "runbook").getConnection();
    }

    List<String> ledger(String runKey) throws SQLException {
        try (Connection connection = connect()) {
            return LabLedgers.of(connection, runKey);
        }
    }

    /** Jobs of these runs that ran to their end, by the node that ran them (the job log's host name is the node's name). */
    Map<String, Long> jobsByNode(List<RunbookJar.Run> runs) throws SQLException {
        Map<String, Long> byNode = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select j.hostname_, count(*) from act_hi_job_log j"
                     + " join act_hi_procinst p on p.id_ = j.process_instance_id_ where j.job_state_ = 2"
                     + " and p.business_key_ in (" + keys(runs) + ") group by j.hostname_ order by j.hostname_")) {
            while (rows.next()) {
                byNode.put(rows.getString(1), rows.getLong(2));
            }
        }
        return byNode;
    }

    /** Failures of these runs' jobs (job log state 1): conflicts (rolled back and run again) and the rest. */
    record Failures(List<String> conflicts, List<String> others) {
    }

    Failures failures(List<RunbookJar.Run> runs) throws SQLException {
        List<String> conflicts = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select j.act_id_, j.job_exception_msg_ from act_hi_job_log j"
                     + " join act_hi_procinst p on p.id_ = j.process_instance_id_ where j.job_state_ = 1"
                     + " and p.business_key_ in (" + keys(runs) + ")")) {
            while (rows.next()) {
                String failure = rows.getString(1) + ": " + rows.getString(2);
                (CONFLICT.matcher(String.valueOf(rows.getString(2))).find() ? conflicts : others).add(failure);
            }
        }
        return new Failures(conflicts, others);
    }

    @Override
    public void close() throws Exception {
        for (RunbookJar node : nodes) {
            node.close();
        }
        postgres.close();
    }

    private static String keys(List<RunbookJar.Run> runs) {
        return String.join(",", runs.stream().map(run -> "'" + run.businessKey() + "'").toList());
    }

    private Map<String, String> environment(String node, Path estates) throws Exception {
        Map<String, String> env = new HashMap<>(RunbookJar.baseEnvironment(Files.createTempDirectory("runbook-" + node),
                RunbookJar.freePort()));
        env.put("RUNBOOK_ESTATES_DIR", estates.toString());
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("RUNBOOK_DB_HOST", "localhost");
        env.put("RUNBOOK_DB_PORT", Integer.toString(postgres.getPort()));
        env.put("RUNBOOK_DB_NAME", "runbook");
        env.put("RUNBOOK_DB_USER", "runbook");
        env.put("RUNBOOK_DB_PASSWORD", DB_PASSWORD);
        env.put("RUNBOOK_NODE_ID", node);
        env.put("RUNBOOK_REHEARSAL_DURATION_SCALE", "0");
        env.put("RUNBOOK_WAITS_REHEARSALPOLLINTERVAL", "PT0S");
        return env;
    }
}
