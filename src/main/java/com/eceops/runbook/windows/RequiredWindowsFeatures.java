package com.eceops.runbook.windows;

import java.util.List;

/**
 * pre-1: the roles and features the collocated servers need, by their {@code Get-WindowsFeature} names.
 * Failover Clustering is installed with its management tools, as the wizard's "Add Features" prompt does.
 */
public final class RequiredWindowsFeatures {

    public static final List<String> COLLOCATED_SERVER =
            List.of("FS-DFS-Namespace", "FS-DFS-Replication", "Failover-Clustering");

    private RequiredWindowsFeatures() {
    }
}
