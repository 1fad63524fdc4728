package com.eceops.runbook.estate;

import java.util.Map;

/** The Windows Server Failover Cluster: its cluster name object (CNO) and one static IP per side. */
public record Cluster(String name, Map<String, String> ipsBySide) {
}
