package com.eceops.runbook.lab;

import java.time.Duration;
import java.time.Instant;

/** A clock that only moves when told to: tests step through restarts and service ramps with it. */
public final class ManualClock implements LabClock {

    private Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }
}
