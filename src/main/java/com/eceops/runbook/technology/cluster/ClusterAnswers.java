package com.eceops.runbook.technology.cluster;

import java.util.List;

/** The JSON answers of the cluster scripts, as records; field names are the scripts' property names. */
final class ClusterAnswers {

    private ClusterAnswers() {
    }

    record Validation(String reportPath, List<String> messages) {
    }

    record Cluster(boolean exists, String name, List<Node> nodes, List<String> ips, String quorumType, String witnessPath) {
        record Node(String name, String state) {
        }
    }

    record Events(List<Event> events) {
        record Event(String at, int id, int level, String message) {
        }
    }

    record Value(String value) {
    }

    record Resource(boolean exists, String name, String group, String type, String state) {
    }
}
