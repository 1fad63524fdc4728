package com.eceops.runbook.lab;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Virtual time running {@code speed} times faster than real time, so a rehearsal of a 15-minute service start
 * takes seconds. The anchor is persisted with the lab, so a reloaded lab continues where it was.
 */
public final class ScaledClock implements LabClock {

    private final Clock real;
    private final ClockAnchor anchor;

    public ScaledClock(Clock real, ClockAnchor anchor) {
        this.real = real;
        this.anchor = anchor;
    }

    /** A new clock whose virtual time starts at the real now. */
    public static ScaledClock startingNow(Clock real, double speed) {
        Instant now = real.instant();
        return new ScaledClock(real, new ClockAnchor(now, now, speed));
    }

    @Override
    public Instant now() {
        long realNanos = Duration.between(anchor.real(), real.instant()).toNanos();
        return anchor.virtual().plusNanos((long) (realNanos * anchor.speed()));
    }

    public ClockAnchor anchor() {
        return anchor;
    }
}
