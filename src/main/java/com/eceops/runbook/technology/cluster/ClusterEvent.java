package com.eceops.runbook.technology.cluster;

import java.time.Instant;

/** One event of the cluster's event channel. */
public record ClusterEvent(Instant at, int id, String level, String message) {
}
