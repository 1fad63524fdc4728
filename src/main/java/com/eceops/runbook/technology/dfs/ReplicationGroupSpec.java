package com.eceops.runbook.technology.dfs;

import java.util.List;

/** The replication group of pre-4.3: members, the primary member whose content wins, topology, content path. */
public record ReplicationGroupSpec(String name, String folder, List<String> members, String primaryMember,
                                   boolean fullMesh, String contentPath) {
}
