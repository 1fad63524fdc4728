package com.eceops.runbook.lab;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

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
 * Bound by Jackson into {@link Document} and the scenario's own records, so that a misspelt key or a value of the
 * wrong type is refused with its path and line instead of being ignored or failing later in the lab.
 */
final class LabScenarioYaml {

    /** Unknown keys fail (Jackson's default); so do empty list items and map values, which the lab could not use. */
    private static final ObjectMapper YAML = new YAMLMapper()
            .registerModule(new SimpleModule().addDeserializer(Duration.class, new ShortDuration()))
            .setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));

    private LabScenarioYaml() {
    }

    /** The file as written: every key optional, null where the scenario keeps its default. */
    record Document(Double durationScale, Double clockSpeed, Map<String, LabScenario.HostOverride> hosts,
                    List<String> featuresNeedingRestart, List<LabScenario.Fault> faults, Map<String, Duration> durations,
                    List<String> clusterValidationWarnings, Map<String, Integer> corruptBackups) {
    }

    static LabScenario parse(String yaml) {
        Document document = read(yaml);
        LabScenario d = LabScenario.defaults();
        Map<String, LabScenario.HostOverride> hosts = new LinkedHashMap<>();
        if (document.hosts() != null) {
            document.hosts().forEach((name, host) -> hosts.put(name.toUpperCase(Locale.ROOT), host));
        }
        List<LabScenario.Fault> faults = document.faults() == null ? List.of() : document.faults();
        for (int i = 0; i < faults.size(); i++) {
            if (faults.get(i).operation() == null) {
                throw new IllegalArgumentException("scenario: faults[" + i + "] names no operation");
            }
        }
        return new LabScenario(document.durationScale() == null ? d.durationScale() : document.durationScale(),
                document.clockSpeed() == null ? d.clockSpeed() : document.clockSpeed(), hosts,
                document.featuresNeedingRestart() == null ? d.featuresNeedingRestart() : document.featuresNeedingRestart(),
                faults, durations(document.durations()), document.clusterValidationWarnings(),
                corruptBackups(document.corruptBackups()));
    }

    /** An empty file (or one of comments only) is the default scenario. */
    private static Document read(String yaml) {
        try (JsonParser parser = YAML.createParser(yaml)) {
            Document document = parser.nextToken() == null ? null : YAML.readValue(parser, Document.class);
            return document == null ? new Document(null, null, null, null, null, null, null, null) : document;
        } catch (JsonProcessingException e) {
            throw refused(e);
        } catch (IOException e) {
            throw new IllegalArgumentException("scenario: " + e.getMessage(), e);
        }
    }

    /** Where Jackson stopped (the path of keys and, when it knows it, the line) and why. */
    private static IllegalArgumentException refused(JsonProcessingException e) {
        StringBuilder where = new StringBuilder("scenario");
        if (e instanceof JsonMappingException mapping) {
            String separator = ": ";
            for (JsonMappingException.Reference key : mapping.getPath()) {
                where.append(key.getFieldName() != null ? separator + key.getFieldName() : "[" + key.getIndex() + "]");
                separator = ".";
            }
        }
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            where.append(" (line ").append(at.getLineNr()).append(')');
        }
        String why = e instanceof UnrecognizedPropertyException unknown
                ? "'" + unknown.getPropertyName() + "' is not a key here; the keys are "
                        + new TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList())
                : e.getOriginalMessage();
        return new IllegalArgumentException(where + ": " + why, e);
    }

    private static Map<String, Integer> corruptBackups(Map<String, Integer> given) {
        Map<String, Integer> corrupt = given == null ? Map.of() : given;
        corrupt.forEach((pattern, times) -> {
            if (times < 1) {
                throw new IllegalArgumentException("corruptBackups: '" + pattern + "' needs a count of 1 or more, not " + times);
            }
        });
        return corrupt;
    }

    private static Map<String, Duration> durations(Map<String, Duration> given) {
        Map<String, Duration> durations = given == null ? Map.of() : given;
        for (String name : durations.keySet()) {
            if (!LabDurations.NAMES.contains(name)) {
                throw new IllegalArgumentException("durations: '" + name + "' is not one of " + LabDurations.NAMES);
            }
        }
        return durations;
    }

    static Duration duration(String text) {
        String t = text.trim();
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
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

    /** Durations as scenarios write them: 30s, 5m, 1h, or ISO-8601 such as PT5M. */
    private static final class ShortDuration extends StdScalarDeserializer<Duration> {

        ShortDuration() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.currentToken().isScalarValue()) {
                return (Duration) context.handleUnexpectedToken(Duration.class, parser);
            }
            String text = parser.getText();
            try {
                return duration(text);
            } catch (RuntimeException e) {
                return (Duration) context.handleWeirdStringValue(Duration.class, text,
                        "not a duration such as 30s, 5m, 1h or PT5M");
            }
        }
    }
}
