package com.eceops.runbook.technology.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.technology.powershell.WireScript;
import static com.eceops.runbook.technology.powershell.WireAnswers.changed;

/**
 * The failover cluster half of the wire lab: pre-5's and pre-6.5's scripts applied to the lab's
 * {@link ClusterOperations}, answered in the scripts' shapes. Validation answers as Test-Cluster's warning records do:
 * one record per finding (a failure in words that speak of failing) and the verdict record, which
 * {@code ClusterValidationOutput} reads back; events carry their level as Windows numbers it.
 */
public record WireLabCluster(String host, ClusterOperations lab) {

    /** The cluster operations that change the estate: a plan records exactly these. */
    public static final Set<String> CHANGES = Set.of("create the cluster", "set the file share witness",
            "set a cluster parameter", "stop a cluster resource", "start a cluster resource", "start a cluster group");

    /** The answer to a cluster script, or empty when the script is not one of the cluster's. */
    public Optional<Object> answer(WireScript s) {
        return Optional.ofNullable(switch (s.operation()) {
            case "validate the cluster" -> validation(lab.validateCluster(host, s.texts("Nodes")));
            case "create the cluster" -> changed(lab.createCluster(host, s.text("Name"), s.texts("Nodes"), s.texts("StaticAddresses")));
            case "read the cluster" -> cluster(lab.readCluster(host));
            case "set the file share witness" -> changed(lab.setFileShareWitness(host, s.text("SharePath")));
            case "read the cluster events" -> Map.of("events", lab.readEventsSince(host, Instant.parse(s.text("Since"))).stream()
                    .map(e -> Map.of("at", e.at().toString(), "id", e.id(), "level", level(e.level()), "message", e.message())).toList());
            case "read a cluster parameter" -> value(lab.readResourceParameter(host, s.text("ResourceName"), s.text("ParameterName")));
            case "set a cluster parameter" -> changed(lab.setResourceParameter(host, s.text("ResourceName"), s.text("ParameterName"),
                    s.text("Value")));
            case "stop a cluster resource" -> changed(lab.stopResource(host, s.text("ResourceName")));
            case "start a cluster resource" -> changed(lab.startResource(host, s.text("ResourceName")));
            case "start a cluster group" -> changed(lab.startGroup(host, s.text("GroupName")));
            case "read a cluster resource" -> resource(lab.readResource(host, s.text("ResourceName")));
            default -> null;
        });
    }

    private static Map<String, Object> validation(ValidationReport report) {
        List<String> messages = new ArrayList<>();
        report.failures().forEach(failure -> messages.add("Validation failed: " + failure));
        report.warnings().forEach(messages::add);
        messages.add(ClusterValidationOutput.RESULT_MARK + " " + (report.failures().isEmpty()
                ? (report.warnings().isEmpty() ? "ClusterApproved" : "ClusterConditionallyApproved") : "ClusterNotApproved"));
        return Map.of("reportPath", "C:\\Windows\\Cluster\\Reports\\Validation Report.htm", "messages", messages);
    }

    private static Map<String, Object> cluster(ClusterState state) {
        if (!state.exists()) {
            return Map.of("exists", false);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("exists", true);
        answer.put("name", state.name());
        answer.put("nodes", state.nodeStates().entrySet().stream().map(n -> Map.of("name", n.getKey(), "state", n.getValue())).toList());
        answer.put("ips", state.ips());
        answer.put("quorumType", state.quorumType());
        answer.put("witnessPath", state.witnessPath());
        return answer;
    }

    private static Map<String, Object> resource(ResourceState state) {
        if (!state.exists()) {
            return Map.of("exists", false);
        }
        return Map.of("exists", true, "name", state.name(), "group", state.group(), "type", state.type(), "state", state.state());
    }

    private static Map<String, Object> value(String value) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("value", value);
        return answer;
    }

    /** StandardEventLevel's numbers. */
    private static int level(String word) {
        return switch (word) {
            case "Critical" -> 1;
            case "Error" -> 2;
            case "Warning" -> 3;
            case "Verbose" -> 5;
            default -> 4;
        };
    }

}
