package com.eceops.runbook.lab;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How long simulated work takes, from the document (a restart about 2 minutes, the Cisco service up to 15
 * minutes to start and 3-5 to stop), multiplied by the scenario's {@code durationScale}; 0 makes it instant.
 * A scenario's {@code durations} replace single ones by name, unscaled (a SQL Server that takes ten hours to
 * come back while everything else is instant).
 */
record LabDurations(double scale, Map<String, Duration> overrides) {

    /** The names a scenario's {@code durations} may use. */
    static final List<String> NAMES = List.of("hostRestart", "sqlRestart", "ciscoStartMain", "ciscoStartOther",
            "ciscoStop", "dfsReplication", "agSynchronization", "patchInstall", "reportsDbUtility", "prePatchBackup",
            "prePatchRestore");

    LabDurations {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    LabDurations(double scale) {
        this(scale, Map.of());
    }

    Duration hostRestart() {
        return of("hostRestart", Duration.ofMinutes(2));
    }

    Duration sqlRestart() {
        return of("sqlRestart", Duration.ofMinutes(1));
    }

    /** The side that starts first carries most processes and takes longest. */
    Duration ciscoStartMain() {
        return of("ciscoStartMain", Duration.ofMinutes(14));
    }

    Duration ciscoStartOther() {
        return of("ciscoStartOther", Duration.ofMinutes(6));
    }

    Duration ciscoStop() {
        return of("ciscoStop", Duration.ofMinutes(4));
    }

    Duration dfsReplication() {
        return of("dfsReplication", Duration.ofSeconds(30));
    }

    /** One server's patch installer run; ECE's readmes give none, 10 minutes is the seed's order of magnitude. */
    Duration patchInstall() {
        return of("patchInstall", Duration.ofMinutes(10));
    }

    Duration agSynchronization() {
        return of("agSynchronization", Duration.ofMinutes(1));
    }

    /** A full backup of one ECE database of production size; the document gives no figure. */
    Duration prePatchBackup() {
        return of("prePatchBackup", Duration.ofMinutes(20));
    }

    Duration prePatchRestore() {
        return of("prePatchRestore", Duration.ofMinutes(30));
    }

    /** post-7: "this can take several minutes". */
    Duration reportsDbUtility() {
        return of("reportsDbUtility", Duration.ofMinutes(5));
    }

    private Duration of(String name, Duration documented) {
        Duration override = overrides.get(name);
        return override != null ? override : Duration.ofMillis(Math.round(documented.toMillis() * scale));
    }
}
