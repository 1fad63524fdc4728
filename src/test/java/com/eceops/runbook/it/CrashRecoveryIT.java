package com.eceops.runbook.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The packaged application killed with -9 at random moments of Install ECE HA rehearsals, as a power cut would:
 * after each restart the run goes on by itself, completes within a minute, and its lab holds every change once.
 * The moments come from a seed that is printed, so a failing moment can be replayed with {@code -Dcrash.seed=}.
 */
class CrashRecoveryIT {

    private static final int CRASHES = 5;
    private static final Duration AFTER_RESTART = Duration.ofSeconds(60);

    @Test
    void rehearsalsKilledAtRandomMomentsCompleteWithinAMinuteOfTheRestartWithTheLedgerOfACleanRun() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.printf("CrashRecoveryIT: seed %d (replay with -Dcrash.seed=%d)%n", seed, seed);
        Path data = Files.createTempDirectory("runbook-crash");
        Map<String, String> env = new HashMap<>(RunbookJar.baseEnvironment(data, RunbookJar.freePort()));
        env.put("RUNBOOK_NODE_ID", "crash-node");
        env.put("RUNBOOK_REHEARSAL_DURATION_SCALE", "0");
        env.put("RUNBOOK_WAITS_REHEARSALPOLLINTERVAL", "PT0S");

        List<String> crashed = new ArrayList<>();
        String cleanKey;
        RunbookJar node = RunbookJar.start(env);
        try {
            node.awaitHealthy(Duration.ofMinutes(3));
            Instant cleanStart = Instant.now();
            RunbookJar.Run clean = node.startRehearsal("InstallEceHa");
            awaitCompleted(node, clean, Duration.ofMinutes(3));
            cleanKey = clean.businessKey();
            long cleanMillis = Duration.between(cleanStart, Instant.now()).toMillis();

            int drawn = 0;
            while (crashed.size() < CRASHES) {
                assertThat(++drawn).as("moments drawn for " + CRASHES + " crashes in the middle of a run").isLessThanOrEqualTo(4 * CRASHES);
                // The clean run includes the first JIT warm-up: later runs take about half its time, so moments stay in that half.
                long moment = 500 + (long) (random.nextDouble() * cleanMillis * 0.5);
                RunbookJar.Run run = node.startRehearsal("InstallEceHa");
                Instant deadline = Instant.now().plusMillis(moment);
                while (Instant.now().isBefore(deadline)) {
                    node.answerAndCheckCompleted(run);
                    Thread.sleep(100);
                }
                List<String> running = runningProcesses(node, run);
                if (running.isEmpty()) {
                    // This run was faster than the moment drawn: no crash in the middle of it, so it does not count.
                    System.out.printf("CrashRecoveryIT: %s ended before %d ms; drawing again%n", run.businessKey(), moment);
                    continue;
                }
                node.kill();
                Instant restart = Instant.now();
                node = RunbookJar.start(env);
                node.awaitHealthy(Duration.ofMinutes(3));
                Duration healthy = Duration.between(restart, Instant.now());
                awaitCompleted(node, run, AFTER_RESTART.minus(healthy));
                Duration completed = Duration.between(restart, Instant.now());
                crashed.add(run.businessKey());
                System.out.printf("CrashRecoveryIT: crash %d at %d ms of %s (running %s); healthy %d ms and completed %d ms"
                        + " after the restart%n", crashed.size(), moment, run.businessKey(), running, healthy.toMillis(),
                        completed.toMillis());
            }
            assertThat(node.get("/engine-rest/incident/count").body()).as("incidents").isEqualTo("{\"count\":0}");
        } finally {
            node.close();
        }

        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("runbook"), "sa", "")) {
            List<String> cleanLedger = LabLedgers.of(connection, cleanKey);
            assertThat(cleanLedger).hasSizeGreaterThan(100);
            for (String key : crashed) {
                assertThat(LabLedgers.of(connection, key)).as("ledger of " + key).isEqualTo(cleanLedger);
            }
        }
    }

    private static void awaitCompleted(RunbookJar node, RunbookJar.Run run, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (node.answerAndCheckCompleted(run)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(run.businessKey() + " not completed within " + limit + "; incidents: "
                + node.get("/engine-rest/incident").body() + "\n" + node.consoleText());
    }

    /** The processes of the run still running (the top-level one and its called sections), by definition key. */
    private static List<String> runningProcesses(RunbookJar node, RunbookJar.Run run) throws Exception {
        var keys = java.util.regex.Pattern.compile("\"definitionId\":\"([^:\"]+):")
                .matcher(node.get("/engine-rest/process-instance?businessKey=" + run.businessKey()).body());
        List<String> running = new ArrayList<>();
        while (keys.find()) {
            running.add(keys.group(1));
        }
        return running;
    }
}
