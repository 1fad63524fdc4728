package com.eceops.runbook.technology.dfs;

import java.util.List;
import java.util.Map;

/** A replication group as DFS Replication reports it. */
public record ReplicationGroupState(String name, boolean exists, List<String> members, String primaryMember,
                                    boolean fullMesh, String contentPath, Map<String, Integer> stagingQuotaMbByMember) {
}
