package com.eceops.runbook.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many rehearsals of one process started at once over the nodes, and their tasks answered over REST until they end. */
final class Rehearsals {

    private Rehearsals() {
    }

    /** Starts {@code count} rehearsals at the same moment, the i-th on node {@code i mod nodes}. */
    static List<RunbookJar.Run> startAtOnce(PostgresNodes nodes, String processKey, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<RunbookJar.Run>> starts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                RunbookJar node = nodes.nodeFor(i);
                starts.add(() -> node.startRehearsal(processKey));
            }
            List<RunbookJar.Run> runs = new ArrayList<>();
            for (Future<RunbookJar.Run> run : pool.invokeAll(starts)) {
                runs.add(run.get());
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Answers the runs' tasks (round robin over the nodes) until all have completed; the runs still open at the limit. */
    static List<RunbookJar.Run> awaitCompleted(PostgresNodes nodes, List<RunbookJar.Run> runs, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        List<RunbookJar.Run> open = new ArrayList<>(runs);
        int turn = 0;
        while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
            List<RunbookJar.Run> still = new ArrayList<>();
            for (RunbookJar.Run run : open) {
                if (!nodes.nodeFor(turn++).answerAndCheckCompleted(run)) {
                    still.add(run);
                }
            }
            open = still;
            Thread.sleep(500);
        }
        return open;
    }
}
