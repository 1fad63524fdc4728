package com.eceops.runbook.technology.cluster;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.HopRoute;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.RoutedScripts;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.windows.PowerShellWindowsOperations;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.eceops.runbook.technology.cluster.ClusterEvent;
import com.eceops.runbook.technology.cluster.ClusterOperations;
import com.eceops.runbook.technology.cluster.ClusterState;
import com.eceops.runbook.technology.cluster.ResourceState;
import com.eceops.runbook.technology.cluster.ValidationReport;
import com.eceops.runbook.operations.Change;

/**
 * {@link ClusterOperations} on real servers, through the same remote layer as {@link PowerShellWindowsOperations}:
 * reads run, changes are recorded in plan mode, and Test-Cluster and New-Cluster, which reach the other node and
 * Active Directory, go the server's double-hop way ({@link HopRoute}). Every change script checks before it acts,
 * so a plan never needs to read first and a repeated call answers "unchanged".
 */
public class PowerShellClusterOperations implements ClusterOperations {

    /**
     * Validation of two nodes and cluster creation take minutes, not seconds; they get their own limit, kept under
     * the engine's 5-minute job lock so that a slow run is killed (an incident, "effect unknown") rather than
     * picked up twice.
     */
    static final Duration SLOW_COMMAND = Duration.ofMinutes(4);

    /** Every cluster script goes through the routed runner: a plan records a change a live run would refuse, with the refusal. */
    private final RoutedScripts quick;
    private final RoutedScripts slow;

    public PowerShellClusterOperations(ScriptContext context) {
        this.quick = new RoutedScripts(context);
        this.slow = new RoutedScripts(context.atLeast(SLOW_COMMAND));
    }

    @Override
    public ValidationReport validateCluster(String host, List<String> nodes) {
        ClusterAnswers.Validation answer = slow.read(host, ClusterScripts.validate(nodes), Optional.empty(), ClusterAnswers.Validation.class);
        return ClusterValidationOutput.read(answer.messages(), answer.reportPath());
    }

    @Override
    public Change createCluster(String host, String name, List<String> nodes, List<String> staticIps) {
        return slow.change(host, ClusterScripts.create(name, nodes, staticIps), Optional.empty());
    }

    /** Node names are upper-cased, as the lab and the delegates compare them. */
    @Override
    public ClusterState readCluster(String host) {
        ClusterAnswers.Cluster cluster = quick.read(host, ClusterScripts.read(), Optional.empty(), ClusterAnswers.Cluster.class);
        if (!cluster.exists()) {
            return new ClusterState(null, false, Map.of(), List.of(), null, null);
        }
        Map<String, String> nodes = new LinkedHashMap<>();
        if (cluster.nodes() != null) {
            cluster.nodes().forEach(n -> nodes.put(n.name().toUpperCase(Locale.ROOT), n.state()));
        }
        return new ClusterState(cluster.name(), true, nodes, cluster.ips() == null ? List.of() : cluster.ips(),
                cluster.quorumType(), cluster.witnessPath());
    }

    @Override
    public Change setFileShareWitness(String host, String sharePath) {
        return quick.change(host, ClusterScripts.setFileShareWitness(sharePath), Optional.empty());
    }

    @Override
    public List<ClusterEvent> readEventsSince(String host, Instant since) {
        ClusterAnswers.Events events = quick.read(host, ClusterScripts.readEventsSince(since.toString()), Optional.empty(), ClusterAnswers.Events.class);
        return events.events() == null ? List.of() : events.events().stream()
                .map(e -> new ClusterEvent(Instant.parse(e.at()), e.id(), level(e.level()), e.message())).toList();
    }

    @Override
    public String readResourceParameter(String host, String resource, String parameter) {
        return quick.read(host, ClusterScripts.readResourceParameter(resource, parameter), Optional.empty(), ClusterAnswers.Value.class).value();
    }

    @Override
    public Change setResourceParameter(String host, String resource, String parameter, String value) {
        return quick.change(host, ClusterScripts.setResourceParameter(resource, parameter, value), Optional.empty());
    }

    @Override
    public Change stopResource(String host, String resource) {
        return quick.change(host, ClusterScripts.stopResource(resource), Optional.empty());
    }

    @Override
    public Change startResource(String host, String resource) {
        return quick.change(host, ClusterScripts.startResource(resource), Optional.empty());
    }

    @Override
    public Change startGroup(String host, String group) {
        return quick.change(host, ClusterScripts.startGroup(group), Optional.empty());
    }

    @Override
    public ResourceState readResource(String host, String resource) {
        ClusterAnswers.Resource found = quick.read(host, ClusterScripts.readResource(resource), Optional.empty(), ClusterAnswers.Resource.class);
        return found.exists() ? new ResourceState(found.name(), true, found.group(), found.type(), found.state())
                : new ResourceState(resource, false, null, null, null);
    }

    /** Event levels as Windows numbers them (System.Diagnostics.Eventing.Reader.StandardEventLevel), in words. */
    static String level(int level) {
        return switch (level) {
            case 1 -> "Critical";
            case 2 -> "Error";
            case 3 -> "Warning";
            case 5 -> "Verbose";
            default -> "Information";
        };
    }
}
