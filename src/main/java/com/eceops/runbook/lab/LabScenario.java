package com.eceops.runbook.lab;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a rehearsal differs from the bare, well-behaved lab: how fast time runs, how long simulated work takes,
 * hosts that start out wrong (a Standard edition SQL Server, a missing drive) and injected faults.
 * YAML keys are described in {@link LabScenarioYaml}.
 */
public record LabScenario(double durationScale, double clockSpeed, Map<String, HostOverride> hosts,
                          List<String> featuresNeedingRestart, List<Fault> faults,
                          Map<String, Duration> durations, List<String> clusterValidationWarnings,
                          Map<String, Integer> corruptBackups) {

    /** What cluster validation warns about on the lab's servers unless a scenario says otherwise. */
    public static final List<String> USUAL_VALIDATION_WARNINGS = List.of(
            "Network: each node has a single network interface, a single point of failure",
            "Software update levels: review that all nodes have the same updates");

    /**
     * {@code durations} overrides single simulated durations by name ({@link LabDurations#NAMES}), unscaled;
     * {@code clusterValidationWarnings} null means {@link #USUAL_VALIDATION_WARNINGS};
     * {@code corruptBackups}: a backup file name pattern ({@code *} any characters, case-insensitive) to how many
     * full backups written to matching files come out damaged (RESTORE VERIFYONLY refuses them).
     */
    public LabScenario {
        hosts = hosts == null ? Map.of() : Map.copyOf(hosts);
        featuresNeedingRestart = featuresNeedingRestart == null ? List.of() : List.copyOf(featuresNeedingRestart);
        faults = faults == null ? List.of() : List.copyOf(faults);
        durations = durations == null ? Map.of() : Map.copyOf(durations);
        clusterValidationWarnings = clusterValidationWarnings == null ? null : List.copyOf(clusterValidationWarnings);
        corruptBackups = corruptBackups == null ? Map.of() : Map.copyOf(corruptBackups);
    }

    public LabScenario(double durationScale, double clockSpeed, Map<String, HostOverride> hosts,
                       List<String> featuresNeedingRestart, List<Fault> faults, Map<String, Duration> durations,
                       List<String> clusterValidationWarnings) {
        this(durationScale, clockSpeed, hosts, featuresNeedingRestart, faults, durations, clusterValidationWarnings, null);
    }

    public LabScenario(double durationScale, double clockSpeed, Map<String, HostOverride> hosts,
                       List<String> featuresNeedingRestart, List<Fault> faults) {
        this(durationScale, clockSpeed, hosts, featuresNeedingRestart, faults, null, null, null);
    }

    /** The warnings cluster validation reports on this scenario's lab. */
    public List<String> validationWarnings() {
        return clusterValidationWarnings == null ? USUAL_VALIDATION_WARNINGS : clusterValidationWarnings;
    }

    /** Real durations, virtual time 60 times faster, Failover-Clustering asking for a restart, no faults. */
    public static LabScenario defaults() {
        return new LabScenario(1.0, 60.0, Map.of(), List.of("Failover-Clustering"), List.of());
    }

    public static LabScenario fromYaml(String yaml) {
        return LabScenarioYaml.parse(yaml);
    }

    public LabScenario withDurationScale(double scale) {
        return new LabScenario(scale, clockSpeed, hosts, featuresNeedingRestart, faults, durations, clusterValidationWarnings,
                corruptBackups);
    }

    public LabScenario withFaults(List<Fault> newFaults) {
        return new LabScenario(durationScale, clockSpeed, hosts, featuresNeedingRestart, newFaults, durations,
                clusterValidationWarnings, corruptBackups);
    }

    public LabScenario withHost(String host, HostOverride override) {
        Map<String, HostOverride> copy = new java.util.HashMap<>(hosts);
        copy.put(host.toUpperCase(java.util.Locale.ROOT), override);
        return new LabScenario(durationScale, clockSpeed, copy, featuresNeedingRestart, faults, durations,
                clusterValidationWarnings, corruptBackups);
    }

    /** The same scenario where the first {@code times} full backups to files matching {@code pattern} are damaged. */
    public LabScenario withCorruptBackups(String pattern, int times) {
        Map<String, Integer> copy = new java.util.LinkedHashMap<>(corruptBackups);
        copy.put(pattern, times);
        return new LabScenario(durationScale, clockSpeed, hosts, featuresNeedingRestart, faults, durations,
                clusterValidationWarnings, copy);
    }

    public HostOverride host(String name) {
        return hosts.getOrDefault(name.toUpperCase(java.util.Locale.ROOT), new HostOverride(null, null, List.of()));
    }

    /** A host that starts out different from the inventory's bare server; null fields mean "as usual". */
    public record HostOverride(String sqlEdition, String osVersion, List<String> missingDrives) {

        public HostOverride {
            missingDrives = missingDrives == null ? List.of() : List.copyOf(missingDrives);
        }
    }

    /**
     * An injected fault on an operation (the interface method's name, e.g. {@code createCluster}) on a host
     * (null: any): it fails {@code failTimes} times with {@code message}, then succeeds; or, with
     * {@code slowBy}, its effect completes that much virtual time later.
     */
    public record Fault(String operation, String host, int failTimes, String message, Duration slowBy) {

        public static Fault failing(String operation, String host, int times, String message) {
            return new Fault(operation, host, times, message, null);
        }

        public static Fault slow(String operation, String host, Duration by) {
            return new Fault(operation, host, 0, null, by);
        }

        boolean matches(String op, String onHost) {
            return operation.equals(op) && (host == null || host.equalsIgnoreCase(onHost));
        }
    }
}
