package com.eceops.runbook.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test ({@code bench/fleet.sh}): many Install ECE HA rehearsals started at once on one or more
 * nodes sharing an embedded PostgreSQL, answered over REST until they end. Prints wall time, jobs run, failed jobs
 * (must be 0), optimistic-locking conflicts run again, and each node's resident memory.
 * Usage: {@code Fleet <nodes> <runs>}.
 */
public final class Fleet {

    private Fleet() {
    }

    public static void main(String[] args) throws Exception {
        int nodeCount = Integer.parseInt(args[0]);
        int runCount = Integer.parseInt(args[1]);
        Path estates = Files.createTempDirectory("runbook-fleet-estates");
        Files.copy(Path.of("estates/massivedynamic.yaml"), estates.resolve("massivedynamic.yaml"));
        try (PostgresNodes nodes = PostgresNodes.start(nodeCount, estates)) {
            Instant start = Instant.now();
            List<RunbookJar.Run> runs = Rehearsals.startAtOnce(nodes, "InstallEceHa", runCount);
            List<RunbookJar.Run> open = Rehearsals.awaitCompleted(nodes, runs, Duration.ofMinutes(30));
            Duration wall = Duration.between(start, Instant.now());
            Map<String, Long> jobs = nodes.jobsByNode(runs);
            PostgresNodes.Failures failures = nodes.failures(runs);
            System.out.printf("%n%d rehearsals of InstallEceHa on %d node(s) sharing PostgreSQL%n", runCount, nodeCount);
            System.out.printf("  wall time            %.1f s (%d of %d completed)%n", wall.toMillis() / 1000.0,
                    runCount - open.size(), runCount);
            System.out.printf("  jobs run             %d %s%n", jobs.values().stream().mapToLong(Long::longValue).sum(), jobs);
            System.out.printf("  failed jobs          %d%n", failures.others().size());
            failures.others().stream().limit(5).forEach(f -> System.out.println("                         " + f));
            System.out.printf("  conflicts run again  %d%n", failures.conflicts().size());
            for (int i = 0; i < nodes.size(); i++) {
                System.out.printf("  node-%c resident      %s%n", (char) ('a' + i), nodes.node(i).residentMemory());
            }
            if (!open.isEmpty() || !failures.others().isEmpty()) {
                System.exit(1);
            }
        }
    }
}
