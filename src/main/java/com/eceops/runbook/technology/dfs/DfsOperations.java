package com.eceops.runbook.technology.dfs;

import com.eceops.runbook.operations.ChangesEstate;

import com.eceops.runbook.operations.Change;
import java.util.List;

/**
 * What the runbook does to the domain-based DFS namespace and its replication group (pre-4). Each call runs
 * on {@code host}, a server with the DFS management tools. Setters are idempotent.
 */
public interface DfsOperations {

    /**
     * Creates the domain-based namespace {@code \\domain\root} (Windows Server 2008 mode) with {@code host} as
     * its first namespace server, the root shared from {@code localPath} (pre-4.1).
     */
    @ChangesEstate
    Change createDomainNamespace(String host, String root, String localPath);

    /** Adds {@code host} as a further namespace server of the root (pre-4.2). */
    @ChangesEstate
    Change addNamespaceServer(String host, String root, String localPath);

    /** Creates the folder (full path {@code \\domain\root\folder}) with its UNC folder targets (pre-4.3). */
    @ChangesEstate
    Change createFolderWithTargets(String host, String folderPath, List<String> targets);

    /**
     * Creates the replication group (pre-4.3). Refused while a member's content path holds files: the
     * document wants the shared directories empty.
     */
    @ChangesEstate
    Change createReplicationGroup(String host, ReplicationGroupSpec spec);

    /** Sets a member's staging folder quota (pre-4.4). */
    @ChangesEstate
    Change setStagingQuota(String host, String group, String member, int quotaMb);

    /** Reads the namespace root (its servers and folders with their targets). */
    NamespaceState readNamespace(String host, String root);

    /** Reads the replication group, its members and staging quotas. */
    ReplicationGroupState readReplicationGroup(String host, String group);
}
