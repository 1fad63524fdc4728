package com.eceops.runbook.lab;

import java.time.Duration;

/**
 * How long simulated work takes, from the document (a restart about 2 minutes, the Cisco service up to 15
 * minutes to start and 3-5 to stop), multiplied by the scenario's {@code durationScale}; 0 makes it instant.
 */
record LabDurations(double scale) {

    Duration hostRestart() {
        return scaled(Duration.ofMinutes(2));
    }

    Duration sqlRestart() {
        return scaled(Duration.ofMinutes(1));
    }

    /** The side that starts first carries most processes and takes longest. */
    Duration ciscoStartMain() {
        return scaled(Duration.ofMinutes(14));
    }

    Duration ciscoStartOther() {
        return scaled(Duration.ofMinutes(6));
    }

    Duration ciscoStop() {
        return scaled(Duration.ofMinutes(4));
    }

    Duration dfsReplication() {
        return scaled(Duration.ofSeconds(30));
    }

    Duration agSynchronization() {
        return scaled(Duration.ofMinutes(1));
    }

    private Duration scaled(Duration d) {
        return Duration.ofMillis(Math.round(d.toMillis() * scale));
    }
}
