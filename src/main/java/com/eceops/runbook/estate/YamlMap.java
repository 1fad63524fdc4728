package com.eceops.runbook.estate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One mapping of the inventory as the binder reads it. Every key read is remembered, so that {@link #finish()}
 * can name the keys nobody asked for: a misspelt key must not silently fall back to a default.
 * Reads never throw; a missing or malformed value is reported and read as null.
 */
final class YamlMap {

    private final MappingNode node;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    private YamlMap(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(path, tuple.getKeyNode(), "a key must be plain text");
            } else if (entries.containsKey(key.getValue())) {
                problems.add(path(key.getValue()), key, "the key '" + key.getValue() + "' appears twice");
            } else {
                entries.put(key.getValue(), tuple);
            }
        }
    }

    /** The mapping at {@code node}, or null (and a problem) when it is something else. */
    static YamlMap of(Node node, String path, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return new YamlMap(mapping, path, problems);
        }
        problems.add(path, node, "expected a mapping of keys to values");
        return null;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    int line() {
        return Problems.line(node);
    }

    /** The line of {@code key}, or of this mapping when the key is not written. */
    int line(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : Problems.line(tuple.getKeyNode());
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<Node> optional(String key) {
        known.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isEmpty(tuple.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(tuple.getValueNode());
    }

    Node required(String key) {
        Optional<Node> value = optional(key);
        if (value.isEmpty()) {
            NodeTuple tuple = entries.get(key);
            if (tuple == null) {
                problems.add(path(key), line(), "the required key '" + key + "' is missing");
            } else {
                problems.add(path(key), tuple.getKeyNode(), "'" + key + "' has no value");
            }
            return null;
        }
        return value.get();
    }

    <T> T required(String key, ScalarType<T> type) {
        Node value = required(key);
        return value == null ? null : scalar(value, path(key), type);
    }

    <T> Optional<T> optional(String key, ScalarType<T> type) {
        return optional(key).map(value -> scalar(value, path(key), type));
    }

    YamlMap map(String key) {
        Node value = required(key);
        return value == null ? null : of(value, path(key), problems);
    }

    Optional<YamlMap> optionalMap(String key) {
        return optional(key).map(value -> of(value, path(key), problems));
    }

    /** The items of a sequence, each with its path such as {@code patchWindows[0]}. */
    List<Item> list(String key, boolean required) {
        Node value = required ? required(key) : optional(key).orElse(null);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            problems.add(path(key), value, "expected a list");
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(new Item(sequence.getValue().get(i), path(key) + "[" + i + "]"));
        }
        return items;
    }

    /** Reports every key that no binder asked for. Call once all keys have been read. */
    void finish() {
        entries.forEach((key, tuple) -> {
            if (!known.contains(key) && !problems.refused(tuple.getKeyNode())) {
                problems.add(path(key), tuple.getKeyNode(),
                        "unknown key '" + key + "'; expected one of " + String.join(", ", known));
            }
        });
    }

    /** The value read as {@code type}, or null when it is not one; a text InventoryText refused is null unreported. */
    <T> T scalar(Node value, String at, ScalarType<T> type) {
        if (problems.refused(value)) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar)) {
            problems.add(at, value, "expected a single value, not a " + (value instanceof SequenceNode ? "list" : "mapping"));
            return null;
        }
        try {
            return type.parse(scalar);
        } catch (IllegalArgumentException e) {
            problems.add(at, value, e.getMessage());
            return null;
        }
    }

    static boolean isEmpty(Node value) {
        return value instanceof ScalarNode scalar && scalar.isPlain()
                && (scalar.getValue().isEmpty() || scalar.getValue().equals("~") || scalar.getValue().equals("null"));
    }

    record Item(Node node, String path) {
    }
}
