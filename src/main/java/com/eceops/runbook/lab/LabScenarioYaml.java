package com.eceops.runbook.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a {@link LabScenario} from YAML. Keys (all optional; defaults from {@link LabScenario#defaults()}):
 * <pre>
 * durationScale: 0            # simulated durations x this; 0 = instant
 * clockSpeed: 60              # virtual seconds per real second
 * featuresNeedingRestart: [Failover-Clustering]
 * hosts:
 *   CC2K125ECEAB: { sqlEdition: "Standard Edition (64-bit)", osVersion: 10.0.17763, missingDrives: [F] }
 * faults:
 *   - { operation: createCluster, host: CC2K125ECEAA, failTimes: 2, message: "RPC server unavailable" }
 *   - { operation: startService, host: CC2K125ECEAA, slowBy: 5m }   # or PT5M, 30s, 1h
 *   - { operation: restoreJob, host: eGMasterDB, failTimes: 1 }   # a detached Agent job (backupJob, restoreJob) fails
 *                               # when it ends; host names part of its file name; message defaults to 3202 / 3101
 * durations: { sqlRestart: PT10H }   # single simulated durations, unscaled (names in LabDurations.NAMES,
 *                                    # prePatchBackup and prePatchRestore among them)
 * clusterValidationWarnings: []       # what cluster validation warns about (default: the usual two)
 * corruptBackups: { "eGMasterDB_PrePatch_*": 1 }   # the first n full backups to matching files come out damaged
 * </pre>
 */
final class LabScenarioYaml {

    private LabScenarioYaml() {
    }

    @SuppressWarnings("unchecked")
    static LabScenario parse(String yaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, Object> root = loaded == null ? Map.of() : (Map<String, Object>) loaded;
        LabScenario d = LabScenario.defaults();
        Map<String, LabScenario.HostOverride> hosts = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) root.getOrDefault("hosts", Map.of())).forEach((name, h) -> hosts.put(
                name.toUpperCase(java.util.Locale.ROOT),
                new LabScenario.HostOverride(string(h.get("sqlEdition")), string(h.get("osVersion")),
                        ((List<Object>) h.getOrDefault("missingDrives", List.of())).stream().map(String::valueOf).toList())));
        List<LabScenario.Fault> faults = new ArrayList<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) root.getOrDefault("faults", List.of())) {
            Object times = f.getOrDefault("failTimes", 0);
            faults.add(new LabScenario.Fault(string(f.get("operation")), string(f.get("host")),
                    ((Number) times).intValue(), string(f.get("message")),
                    f.get("slowBy") == null ? null : duration(String.valueOf(f.get("slowBy")))));
        }
        return new LabScenario(number(root.get("durationScale"), d.durationScale()),
                number(root.get("clockSpeed"), d.clockSpeed()), hosts,
                root.containsKey("featuresNeedingRestart")
                        ? ((List<Object>) root.get("featuresNeedingRestart")).stream().map(String::valueOf).toList()
                        : d.featuresNeedingRestart(),
                faults, durations((Map<String, Object>) root.get("durations")),
                root.containsKey("clusterValidationWarnings")
                        ? ((List<Object>) root.get("clusterValidationWarnings")).stream().map(String::valueOf).toList()
                        : null,
                corruptBackups((Map<String, Object>) root.get("corruptBackups")));
    }

    private static Map<String, Integer> corruptBackups(Map<String, Object> given) {
        Map<String, Integer> corrupt = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((pattern, times) -> {
                if (!(times instanceof Number n) || n.intValue() < 1) {
                    throw new IllegalArgumentException("corruptBackups: '" + pattern + "' needs a count of 1 or more, not " + times);
                }
                corrupt.put(pattern, n.intValue());
            });
        }
        return corrupt;
    }

    private static Map<String, Duration> durations(Map<String, Object> given) {
        Map<String, Duration> durations = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((name, value) -> {
                if (!LabDurations.NAMES.contains(name)) {
                    throw new IllegalArgumentException("durations: '" + name + "' is not one of " + LabDurations.NAMES);
                }
                durations.put(name, duration(String.valueOf(value)));
            });
        }
        return durations;
    }

    static Duration duration(String text) {
        String t = text.trim();
        if (t.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
            return Duration.parse(t);
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("'" + text + "' is not a duration such as 30s, 5m, 1h or PT5M");
        };
    }

    private static double number(Object value, double fallback) {
        return value == null ? fallback : ((Number) value).doubleValue();
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
