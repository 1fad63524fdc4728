package com.eceops.runbook.estate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the semantic rules found, each placed on the line where the inventory wrote its path. */
final class Findings {

    private final SourceLines lines;
    // A set: an estate-wide default read by four servers is one problem, not four.
    private final Set<EstateProblem> found = new LinkedHashSet<>();

    Findings(SourceLines lines) {
        this.lines = lines;
    }

    void add(String path, String message) {
        found.add(new EstateProblem(path, lines.lineOf(path), message));
    }

    boolean written(String path) {
        return lines.written(path);
    }

    List<EstateProblem> list() {
        return List.copyOf(found);
    }
}
