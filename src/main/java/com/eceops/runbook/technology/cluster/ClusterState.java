package com.eceops.runbook.technology.cluster;

import java.util.List;
import java.util.Map;

/**
 * The cluster as {@code Get-Cluster}/{@code Get-ClusterNode}/{@code Get-ClusterQuorum} show it.
 * {@code nodeStates} maps node to Up/Down; {@code quorumType} is e.g. {@code NodeAndFileShareMajority}.
 */
public record ClusterState(String name, boolean exists, Map<String, String> nodeStates, List<String> ips,
                           String quorumType, String witnessPath) {
}
