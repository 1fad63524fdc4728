package com.eceops.runbook.lab;

import com.eceops.runbook.technology.windows.ServiceStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A Windows service whose processes ramp up after a start and down after a stop, the way the Cisco service's
 * do. Status and process count are functions of virtual time, so no background work is needed.
 */
class ServiceState {
    public String name;
    public String account;
    public ServiceStatus.StartType startType = ServiceStatus.StartType.AUTOMATIC;
    public Instant startedAt;
    public Instant stoppedAt;
    public int processTarget = 1;
    public long rampUpMillis;
    public long rampDownMillis;

    boolean running() {
        return startedAt != null && (stoppedAt == null || stoppedAt.isBefore(startedAt));
    }

    ServiceStatus.Status status(Instant now) {
        if (running()) {
            return now.isBefore(startedAt) ? ServiceStatus.Status.START_PENDING : ServiceStatus.Status.RUNNING;
        }
        return processes(now) > 0 ? ServiceStatus.Status.STOP_PENDING : ServiceStatus.Status.STOPPED;
    }

    int processes(Instant now) {
        if (startedAt == null) {
            return 0;
        }
        if (running()) {
            return rampedUp(now);
        }
        int atStop = rampedUp(stoppedAt);
        double left = 1.0 - fraction(stoppedAt, now, rampDownMillis);
        return (int) Math.ceil(atStop * Math.max(0, left));
    }

    /** The most processes this start reached: now while it runs, at the stop once stopped. */
    int processesReached(Instant now) {
        if (startedAt == null) {
            return 0;
        }
        return running() ? rampedUp(now) : rampedUp(stoppedAt);
    }

    private int rampedUp(Instant at) {
        return (int) Math.floor(processTarget * fraction(startedAt, at, rampUpMillis));
    }

    private static double fraction(Instant from, Instant at, long totalMillis) {
        if (at.isBefore(from)) {
            return 0;
        }
        if (totalMillis <= 0) {
            return 1;
        }
        return Math.min(1.0, Duration.between(from, at).toMillis() / (double) totalMillis);
    }
}
