package com.eceops.runbook.technology.cluster;

import java.util.List;

/** The result of cluster validation. */
public record ValidationReport(List<String> failures, List<String> warnings) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
