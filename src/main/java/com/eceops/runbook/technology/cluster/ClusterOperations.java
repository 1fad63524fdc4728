package com.eceops.runbook.technology.cluster;

import com.eceops.runbook.operations.ChangesEstate;

import com.eceops.runbook.operations.Change;
import java.time.Instant;
import java.util.List;

/**
 * What the runbook does to the Windows Server Failover Cluster (pre-5, pre-6.5). Each call runs on
 * {@code host}, one of the nodes. Setters are idempotent.
 */
public interface ClusterOperations {

    /** {@code Test-Cluster}: changes nothing; failures block pre-5.1, warnings are reviewed. */
    ValidationReport validateCluster(String host, List<String> nodes);

    /**
     * {@code New-Cluster} with the prestaged CNO as name and one static IP per subnet (pre-5.1). Needs the
     * Failover-Clustering feature on every node and the CNO prestaged, disabled and granted to the creating
     * account.
     */
    @ChangesEstate
    Change createCluster(String host, String name, List<String> nodes, List<String> staticIps);

    /** Reads the cluster: name, nodes and their state, IPs, quorum. {@code exists} is false before pre-5.1. */
    ClusterState readCluster(String host);

    /** Quorum: node and file share majority with the witness share (pre-5.2). */
    @ChangesEstate
    Change setFileShareWitness(String host, String sharePath);

    /** Cluster events since an instant (pre-5.3: only 1069 and 1045 are expected on a dual-subnet cluster). */
    List<ClusterEvent> readEventsSince(String host, Instant since);

    /** {@code Get-ClusterParameter}: a resource's private parameter, e.g. {@code HostRecordTTL}. */
    String readResourceParameter(String host, String resource, String parameter);

    /** {@code Set-ClusterParameter}; takes effect when the resource is next brought online (pre-6.5). */
    @ChangesEstate
    Change setResourceParameter(String host, String resource, String parameter, String value);

    @ChangesEstate
    Change stopResource(String host, String resource);

    @ChangesEstate
    Change startResource(String host, String resource);

    /** Brings every resource of the group online. */
    @ChangesEstate
    Change startGroup(String host, String group);

    /** A resource's state; {@code exists} is false when there is no such resource. */
    ResourceState readResource(String host, String resource);
}
