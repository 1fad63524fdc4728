package com.eceops.runbook.lab;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The answers a headless rehearsal gives to human tasks, keyed by the task's id in the model:
 * <pre>
 * Task_UpgradeSqlServerToEnterprise:
 *   upgradeNotes: upgraded from the ISO
 * </pre>
 * A task with an empty mapping is completed without values. A task without an entry stops the run.
 */
public final class RehearsalAnswers {

    private final Map<String, Map<String, Object>> byTask;

    private RehearsalAnswers(Map<String, Map<String, Object>> byTask) {
        this.byTask = byTask;
    }

    public static RehearsalAnswers none() {
        return new RehearsalAnswers(Map.of());
    }

    public static RehearsalAnswers read(Path file) {
        Object document;
        try (Reader reader = Files.newBufferedReader(file)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read answers file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("answers file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (document == null) {
            return none();
        }
        if (!(document instanceof Map<?, ?> tasks)) {
            throw new IllegalArgumentException("answers file " + file + " must map task ids to their answers");
        }
        Map<String, Map<String, Object>> byTask = new LinkedHashMap<>();
        for (var entry : tasks.entrySet()) {
            Object values = entry.getValue();
            if (values != null && !(values instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("answers file " + file + ": the answers of " + entry.getKey()
                        + " must be a mapping of form field to value");
            }
            Map<String, Object> fields = new HashMap<>();
            if (values instanceof Map<?, ?> map) {
                map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            }
            byTask.put(String.valueOf(entry.getKey()), fields);
        }
        return new RehearsalAnswers(byTask);
    }

    public Optional<Map<String, Object>> forTask(String taskDefinitionKey) {
        return Optional.ofNullable(byTask.get(taskDefinitionKey));
    }
}
