package com.eceops.runbook.estate;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Collects problems while binding, so that one run reports all of them. */
final class Problems {

    // A set: a default shared by several servers must be reported once, not once per server.
    private final Set<EstateProblem> found = new LinkedHashSet<>();
    // Nodes reported already by InventoryText: read as null and never blamed twice.
    private final Set<Node> refused = Collections.newSetFromMap(new IdentityHashMap<>());

    void add(String path, int line, String message) {
        found.add(new EstateProblem(path, line, message));
    }

    void add(String path, Node node, String message) {
        add(path, line(node), message);
    }

    void refuse(Node node) {
        refused.add(node);
    }

    boolean refused(Node node) {
        return refused.contains(node);
    }

    List<EstateProblem> list() {
        return List.copyOf(found);
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
