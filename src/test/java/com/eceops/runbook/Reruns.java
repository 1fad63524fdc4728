package com.eceops.runbook;

import java.util.concurrent.atomic.AtomicLong;

import com.eceops.runbook.lab.RehearsalLabs;
import com.eceops.runbook.run.RunKey;

/**
 * Re-running steps on an estate a run already changed: a run key is never used twice, so the re-run is a new run
 * whose lab is made as the earlier run left its own.
 */
public final class Reruns {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000);

    private Reruns() {
    }

    /** The new run's key; its lab is a copy of the earlier run's. */
    public static String onTheLabOf(RehearsalLabs labs, String runKey) {
        RunKey earlier = RunKey.parse(runKey);
        String again = earlier.estate() + "." + earlier.mode().id() + ".20000101-000000-" + NEXT.incrementAndGet();
        labs.copy(runKey, again);
        return again;
    }
}
