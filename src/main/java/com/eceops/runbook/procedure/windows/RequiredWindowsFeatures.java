package com.eceops.runbook.procedure.windows;

import java.util.List;
import java.util.Set;

/**
 * pre-1: the roles and features the collocated servers need, by their {@code Get-WindowsFeature} names.
 * Failover Clustering is installed with its management tools, as the wizard's "Add Features" prompt does.
 */
public final class RequiredWindowsFeatures {

    public static final List<String> COLLOCATED_SERVER =
            List.of("FS-DFS-Namespace", "FS-DFS-Replication", "Failover-Clustering");

    private RequiredWindowsFeatures() {
    }

    /** The required features a server does not have yet, in the order the document lists them. */
    public static List<String> missingFrom(Set<String> installed) {
        return COLLOCATED_SERVER.stream().filter(feature -> !installed.contains(feature)).toList();
    }
}
