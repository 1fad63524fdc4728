package com.eceops.runbook.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two application nodes on one PostgreSQL, as a cluster runs: any node's job executor may run any step of any run,
 * and the labs, run keys and estate locks are in the shared database.
 */
class TwoNodesIT {

    private static final String DB_PASSWORD = "it-db-password-2node";
    private static final int RUNS = 20;

    private static EmbeddedPostgres postgres;
    private static RunbookJar nodeA;
    private static RunbookJar nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create role runbook login password '" + DB_PASSWORD + "'");
            statement.execute("create database runbook owner runbook");
        }
        Path estates = Files.createTempDirectory("runbook-2node-estates");
        String sample = Files.readString(Path.of("estates/massivedynamic.yaml"));
        Files.writeString(estates.resolve("massivedynamic.yaml"), sample);
        // The same lab layout marked live, for the estate lock: a live start must be allowed before it can collide.
        Files.writeString(estates.resolve("twonodes.yaml"), sample.replace("estate: massivedynamic", "estate: twonodes")
                .replace("live: false", "live: true"));
        // Start one after the other: two Camunda engines creating the schema at once would collide.
        nodeA = RunbookJar.start(environment("node-a", estates));
        nodeA.awaitHealthy(Duration.ofMinutes(3));
        nodeB = RunbookJar.start(environment("node-b", estates));
        nodeB.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        for (RunbookJar node : new RunbookJar[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twentyRehearsalsStartedAtOnceOnTwoNodesEachEndWithTheLedgerOfACleanRun() throws Exception {
        RunbookJar.Run clean = nodeA.startRehearsal("InstallEceHa");
        awaitCompleted(List.of(clean), Duration.ofMinutes(4));
        List<String> cleanLedger = ledger(clean.businessKey());
        assertThat(cleanLedger).hasSizeGreaterThan(100);

        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        List<RunbookJar.Run> runs = new ArrayList<>();
        Instant start = Instant.now();
        try {
            List<Callable<RunbookJar.Run>> starts = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                RunbookJar node = i % 2 == 0 ? nodeA : nodeB;
                starts.add(() -> node.startRehearsal("InstallEceHa"));
            }
            for (Future<RunbookJar.Run> run : pool.invokeAll(starts)) {
                runs.add(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs.stream().map(RunbookJar.Run::businessKey).distinct()).as("one key per run").hasSize(RUNS);

        awaitCompleted(runs, Duration.ofMinutes(10));
        Duration took = Duration.between(start, Instant.now());

        assertThat(nodeA.get("/engine-rest/incident/count").body()).as("incidents").isEqualTo("{\"count\":0}");
        for (RunbookJar.Run run : runs) {
            assertThat(ledger(run.businessKey())).as("ledger of " + run.businessKey()).isEqualTo(cleanLedger);
        }
        Map<String, Long> jobsByNode = jobsByNode(runs);
        System.out.printf("TwoNodesIT: %d rehearsals of InstallEceHa on two nodes in %d s, jobs by node %s,"
                + " %d ledger entries each%n", RUNS, took.toSeconds(), jobsByNode, cleanLedger.size());
        assertThat(jobsByNode).as("both nodes ran steps").containsKeys("node-a", "node-b");
        assertThat(failedJobs(runs)).as("failed jobs").isEmpty();
    }

    @Test
    void concurrentLiveStartsOnOneEstateOverBothNodesLeaveExactlyOneHolderAndRefuseTheRestWith409() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> starts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                RunbookJar node = i % 2 == 0 ? nodeA : nodeB;
                starts.add(() -> node.postJson("/engine-rest/process-definition/key/SystemChecks/start",
                        "{\"variables\":{\"estate\":{\"value\":\"twonodes\"},\"runMode\":{\"value\":\"live\"},"
                                + "\"confirmEstateName\":{\"value\":\"twonodes\"}}}"));
            }
            for (Future<HttpResponse<String>> answer : pool.invokeAll(starts)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<HttpResponse<String>> won = answers.stream().filter(a -> a.statusCode() == 200).toList();
        assertThat(won).as(answers.stream().map(HttpResponse::body).toList().toString()).hasSize(1);
        String holderKey = RunbookJar.field(won.get(0).body(), "businessKey");
        String holderId = RunbookJar.field(won.get(0).body(), "id");
        assertThat(answers.stream().filter(a -> a.statusCode() == 409)).hasSize(9).allSatisfy(refused -> assertThat(refused.body())
                .contains("estate 'twonodes' is being changed by another run: run " + holderKey + ", started by admin, holds it since"));
        assertThat(nodeB.get("/engine-rest/estate-lock/twonodes").body()).contains(holderKey);

        assertThat(nodeB.delete("/engine-rest/process-instance/" + holderId).statusCode()).isEqualTo(204);
        assertThat(nodeA.get("/engine-rest/estate-lock/twonodes").body()).as("released when cancelled").contains("\"lock\":{}");
    }

    private static void awaitCompleted(List<RunbookJar.Run> runs, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        List<RunbookJar.Run> open = new ArrayList<>(runs);
        int turn = 0;
        while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
            List<RunbookJar.Run> still = new ArrayList<>();
            for (RunbookJar.Run run : open) {
                RunbookJar node = turn++ % 2 == 0 ? nodeA : nodeB;
                if (!node.answerAndCheckCompleted(run)) {
                    still.add(run);
                }
            }
            open = still;
            Thread.sleep(500);
        }
        assertThat(open).as("runs not completed within " + limit + "; incidents: "
                + nodeA.get("/engine-rest/incident").body()).isEmpty();
    }

    private static List<String> ledger(String runKey) throws Exception {
        try (Connection connection = postgres.getDatabase("runbook", "runbook").getConnection()) {
            return LabLedgers.of(connection, runKey);
        }
    }

    /** Jobs of these runs by the node that ran them: the job log's host name is the node's name. */
    private static Map<String, Long> jobsByNode(List<RunbookJar.Run> runs) throws Exception {
        Map<String, Long> byNode = new LinkedHashMap<>();
        try (Connection connection = postgres.getDatabase("runbook", "runbook").getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select j.hostname_, count(*) from act_hi_job_log j"
                     + " join act_hi_procinst p on p.id_ = j.process_instance_id_ where j.job_state_ = 2"
                     + " and p.business_key_ in (" + keys(runs) + ") group by j.hostname_ order by j.hostname_")) {
            while (rows.next()) {
                byNode.put(rows.getString(1), rows.getLong(2));
            }
        }
        return byNode;
    }

    /**
     * Job log entries of state 1 (failed) for these runs, but for optimistic-locking conflicts: those (a lab or an
     * execution changed by another job meanwhile) are rolled back and run again without using up a retry.
     */
    private static List<String> failedJobs(List<RunbookJar.Run> runs) throws Exception {
        List<String> failures = new ArrayList<>();
        try (Connection connection = postgres.getDatabase("runbook", "runbook").getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select j.act_id_, j.job_exception_msg_ from act_hi_job_log j"
                     + " join act_hi_procinst p on p.id_ = j.process_instance_id_ where j.job_state_ = 1"
                     + " and p.business_key_ in (" + keys(runs) + ")")) {
            while (rows.next()) {
                String message = String.valueOf(rows.getString(2));
                if (!CONFLICT.matcher(message).find()) {
                    failures.add(rows.getString(1) + ": " + message);
                }
            }
        }
        return failures;
    }

    /** The messages of the engine's and the lab's optimistic-locking conflicts. */
    static final java.util.regex.Pattern CONFLICT = java.util.regex.Pattern.compile(
            "was changed by another job meanwhile|updated by another transaction concurrently|ENGINE-03005");

    private static String keys(List<RunbookJar.Run> runs) {
        return String.join(",", runs.stream().map(run -> "'" + run.businessKey() + "'").toList());
    }

    private static Map<String, String> environment(String node, Path estates) throws Exception {
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
