package com.eceops.runbook.estate;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each path of the inventory was written, so that rules checked after binding can still point the
 * author at a line. A path not written (a default) falls back to its nearest written parent.
 */
final class SourceLines {

    static final SourceLines NONE = new SourceLines(Map.of());

    private final Map<String, Integer> lines;

    private SourceLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static SourceLines of(Node root) {
        Map<String, Integer> lines = new HashMap<>();
        walk(root, "", lines, new IdentityHashMap<>());
        return new SourceLines(Map.copyOf(lines));
    }

    boolean written(String path) {
        return lines.containsKey(path);
    }

    int lineOf(String path) {
        String at = path;
        while (!at.isEmpty()) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            at = parent(at);
        }
        return 0;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    // Aliases can make the tree a graph; each node is walked once.
    private static void walk(Node node, String path, Map<String, Integer> lines, Map<Node, Boolean> seen) {
        if (seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    lines.putIfAbsent(child, Problems.line(key));
                    walk(tuple.getValueNode(), child, lines, seen);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                String child = path + "[" + i + "]";
                lines.putIfAbsent(child, Problems.line(item));
                walk(item, child, lines, seen);
            }
        }
    }
}
