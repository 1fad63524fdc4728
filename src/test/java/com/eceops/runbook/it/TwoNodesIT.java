package com.eceops.runbook.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL, as a cluster runs: any node's job executor may run any step of any run,
 * and the labs, run keys and estate locks are in the shared database.
 */
class TwoNodesIT {

    private static final int RUNS = 20;

    private static PostgresNodes nodes;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        Path estates = Files.createTempDirectory("runbook-2node-estates");
        String sample = Files.readString(Path.of("estates/massivedynamic.yaml"));
        Files.writeString(estates.resolve("massivedynamic.yaml"), sample);
        // The same lab layout marked live, for the estate lock: a live start must be allowed before it can collide.
        Files.writeString(estates.resolve("twonodes.yaml"), sample.replace("estate: massivedynamic", "estate: twonodes")
                .replace("live: false", "live: true"));
        nodes = PostgresNodes.start(2, estates);
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void twentyRehearsalsStartedAtOnceOnTwoNodesEachEndWithTheLedgerOfACleanRun() throws Exception {
        RunbookJar.Run clean = nodes.node(0).startRehearsal("InstallEceHa");
        assertThat(Rehearsals.awaitCompleted(nodes, List.of(clean), Duration.ofMinutes(4))).as("the clean run").isEmpty();
        List<String> cleanLedger = nodes.ledger(clean.businessKey());
        assertThat(cleanLedger).hasSizeGreaterThan(100);

        Instant start = Instant.now();
        List<RunbookJar.Run> runs = Rehearsals.startAtOnce(nodes, "InstallEceHa", RUNS);
        assertThat(runs.stream().map(RunbookJar.Run::businessKey).distinct()).as("one key per run").hasSize(RUNS);
        assertThat(Rehearsals.awaitCompleted(nodes, runs, Duration.ofMinutes(10))).as("runs not completed; incidents: "
                + nodes.node(0).get("/engine-rest/incident").body()).isEmpty();
        Duration took = Duration.between(start, Instant.now());

        assertThat(nodes.node(0).get("/engine-rest/incident/count").body()).as("incidents").isEqualTo("{\"count\":0}");
        for (RunbookJar.Run run : runs) {
            assertThat(nodes.ledger(run.businessKey())).as("ledger of " + run.businessKey()).isEqualTo(cleanLedger);
        }
        Map<String, Long> jobsByNode = nodes.jobsByNode(runs);
        PostgresNodes.Failures failures = nodes.failures(runs);
        System.out.printf("TwoNodesIT: %d rehearsals of InstallEceHa on two nodes in %d s, jobs by node %s,"
                + " %d conflicts run again, %d ledger entries each%n", RUNS, took.toSeconds(), jobsByNode,
                failures.conflicts().size(), cleanLedger.size());
        assertThat(jobsByNode).as("both nodes ran steps").containsKeys("node-a", "node-b");
        assertThat(failures.others()).as("failed jobs").isEmpty();
    }

    @Test
    void concurrentLiveStartsOnOneEstateOverBothNodesLeaveExactlyOneHolderAndRefuseTheRestWith409() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> starts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                RunbookJar node = nodes.nodeFor(i);
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
        assertThat(nodes.node(1).get("/engine-rest/estate-lock/twonodes").body()).contains(holderKey);

        assertThat(nodes.node(1).delete("/engine-rest/process-instance/" + holderId).statusCode()).isEqualTo(204);
        assertThat(nodes.node(0).get("/engine-rest/estate-lock/twonodes").body()).as("released when cancelled").contains("\"lock\":{}");
    }
}
