package com.eceops.runbook.lab;

import com.eceops.runbook.technology.activedirectory.DirectoryObject;
import com.eceops.runbook.technology.cluster.ClusterEvent;
import com.eceops.runbook.technology.cluster.ClusterOperations;
import com.eceops.runbook.technology.cluster.ClusterState;
import com.eceops.runbook.technology.cluster.ResourceState;
import com.eceops.runbook.technology.cluster.ValidationReport;
import com.eceops.runbook.estate.Side;
import com.eceops.runbook.operations.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulated failover cluster. */
final class LabCluster implements ClusterOperations {

    static final String FEATURE = "Failover-Clustering";
    static final String CLUSTER_GROUP = "Cluster Group";

    private final LabContext lab;

    LabCluster(LabContext lab) {
        this.lab = lab;
    }

    @Override
    public ValidationReport validateCluster(String host, List<String> nodes) {
        lab.reachableHost(host);
        List<String> failures = new ArrayList<>();
        for (String node : nodes) {
            HostState n = lab.host(node);
            if (!n.reachableAt(lab.now())) {
                failures.add(n.name + " does not answer");
            } else if (!n.features.contains(FEATURE)) {
                failures.add(n.name + ": the Failover Clustering feature is not installed"
                        + (n.featuresPendingRestart.contains(FEATURE) ? " (install pending a restart)" : ""));
            }
        }
        List<String> warnings = lab.state().scenario.validationWarnings();
        return new ValidationReport(failures, warnings);
    }

    @Override
    public Change createCluster(String host, String name, List<String> nodes, List<String> staticIps) {
        HostState h = lab.reachableHost(host);
        ClusterLabState existing = lab.state().cluster;
        if (existing != null) {
            if (existing.name.equalsIgnoreCase(name)) {
                return LabContext.unchanged("cluster " + name, "nodes " + existing.nodes);
            }
            throw lab.refuse(h.name, "the nodes already form cluster " + existing.name);
        }
        ValidationReport report = validateCluster(host, nodes);
        if (!report.passed()) {
            throw lab.refuse(h.name, "cluster validation failed: " + report.failures());
        }
        requirePrestagedCno(h, name);
        requireOneIpPerSubnet(h, staticIps);
        ClusterLabState cluster = new ClusterLabState();
        cluster.name = name;
        nodes.forEach(n -> cluster.nodes.add(LabContext.key(n)));
        cluster.ips.addAll(staticIps);
        addResource(cluster, "Cluster Name", CLUSTER_GROUP, "Network Name", "Online");
        String creatingSide = lab.estate().server(h.name).map(s -> s.side()).orElse("a");
        Instant now = lab.now();
        for (String ip : staticIps) {
            boolean local = sideOf(ip).map(s -> s.id().equals(creatingSide)).orElse(false);
            addResource(cluster, "Cluster IP Address " + ip, CLUSTER_GROUP, "IP Address", local ? "Online" : "Offline");
            if (!local) {
                // Expected on a dual-subnet cluster (pre-5.3): the other subnet's IP cannot come online here.
                cluster.events.add(new ClusterEvent(now, 1069, "Error", "Cluster resource 'Cluster IP Address " + ip
                        + "' of type 'IP Address' in clustered role 'Cluster Group' failed."));
                cluster.events.add(new ClusterEvent(now, 1045, "Error", "Cluster IP address resource 'Cluster IP Address "
                        + ip + "' could not find a matching network for address " + ip + "."));
            }
        }
        lab.state().cluster = cluster;
        lab.state().activeDirectory.objects.get(LabContext.key(name)).enabled = true;
        return lab.record(h.name, "cluster " + name, "absent", "nodes " + cluster.nodes + ", IPs " + staticIps);
    }

    private void requirePrestagedCno(HostState h, String name) {
        AdState.AdObject cno = lab.state().activeDirectory.objects.get(LabContext.key(name));
        if (cno == null || cno.kind != DirectoryObject.Kind.COMPUTER) {
            throw lab.refuse(h.name, "the cluster name object " + name + " is not prestaged in AD (pre-2.2)");
        }
        if (cno.enabled) {
            throw lab.refuse(h.name, "the prestaged cluster name object " + name + " must be disabled (pre-2.2)");
        }
        String creator = lab.estate().accounts().clusterAdmin().name();
        if (!LabActiveDirectory.granted(lab.state(), name, creator, LabActiveDirectory.FULL_CONTROL)) {
            throw lab.refuse(h.name, "the creating account " + creator + " has no Full Control on the cluster name object "
                    + name + " (pre-2.3)");
        }
    }

    private void requireOneIpPerSubnet(HostState h, List<String> ips) {
        for (Side side : lab.estate().sides()) {
            long inSubnet = ips.stream().filter(ip -> side.subnet().contains(ip)).count();
            if (inSubnet != 1) {
                throw lab.refuse(h.name, "the cluster needs exactly one static IP in subnet " + side.subnet().cidr()
                        + " of side " + side.id() + ", got " + inSubnet);
            }
        }
    }

    private java.util.Optional<Side> sideOf(String ip) {
        return lab.estate().sides().stream().filter(s -> s.subnet().contains(ip)).findFirst();
    }

    @Override
    public ClusterState readCluster(String host) {
        lab.reachableHost(host);
        ClusterLabState c = lab.state().cluster;
        if (c == null) {
            return new ClusterState(null, false, Map.of(), List.of(), null, null);
        }
        Map<String, String> nodes = new LinkedHashMap<>();
        c.nodes.forEach(n -> nodes.put(n, lab.host(n).reachableAt(lab.now()) ? "Up" : "Down"));
        return new ClusterState(c.name, true, nodes, List.copyOf(c.ips), c.quorumType, c.witnessPath);
    }

    @Override
    public Change setFileShareWitness(String host, String sharePath) {
        HostState h = lab.reachableHost(host);
        ClusterLabState c = existing(h);
        if (sharePath.equalsIgnoreCase(c.witnessPath)) {
            return LabContext.unchanged("quorum", c.quorumType + " " + c.witnessPath);
        }
        if (sharePath.toLowerCase().startsWith(("\\\\" + lab.estate().domain().fqdn()).toLowerCase())
                || sharePath.toLowerCase().startsWith(("\\\\" + lab.estate().domain().netbios() + "\\").toLowerCase())) {
            throw lab.refuse(h.name, "the file share witness must not be in the DFS namespace (pre-5.2)");
        }
        String server = LabContext.shortName(sharePath.substring(2).split("\\\\")[0]);
        if (lab.state().hosts.containsKey(server)) {
            LabPaths.resolve(lab, h.name, sharePath); // a witness on an estate server must be a real share
            if (c.nodes.contains(server)) {
                throw lab.refuse(h.name, "the file share witness must not be on a cluster node (pre-5.2)");
            }
        }
        String before = c.quorumType + (c.witnessPath == null ? "" : " " + c.witnessPath);
        c.quorumType = "NodeAndFileShareMajority";
        c.witnessPath = sharePath;
        return lab.record(h.name, "quorum", before, c.quorumType + " " + sharePath);
    }

    @Override
    public List<ClusterEvent> readEventsSince(String host, Instant since) {
        lab.reachableHost(host);
        ClusterLabState c = lab.state().cluster;
        return c == null ? List.of() : c.events.stream().filter(e -> !e.at().isBefore(since)).toList();
    }

    @Override
    public String readResourceParameter(String host, String resource, String parameter) {
        HostState h = lab.reachableHost(host);
        String value = resource(h, resource).parameters.get(parameter);
        if (value == null) {
            throw lab.refuse(h.name, "resource " + resource + " has no private parameter " + parameter);
        }
        return value;
    }

    @Override
    public Change setResourceParameter(String host, String resource, String parameter, String value) {
        HostState h = lab.reachableHost(host);
        ClusterLabState.Resource r = resource(h, resource);
        String before = r.parameters.get(parameter);
        if (value.equals(before)) {
            return LabContext.unchanged(resource + " " + parameter, value);
        }
        r.parameters.put(parameter, value);
        return lab.record(h.name, resource + " " + parameter, before, value);
    }

    @Override
    public Change stopResource(String host, String resource) {
        return setState(host, resource, "Offline");
    }

    @Override
    public Change startResource(String host, String resource) {
        return setState(host, resource, "Online");
    }

    @Override
    public Change startGroup(String host, String group) {
        HostState h = lab.reachableHost(host);
        List<ClusterLabState.Resource> members = existing(h).resources.values().stream()
                .filter(r -> r.group.equalsIgnoreCase(group) && !"IP Address".equals(r.type)).toList();
        if (members.isEmpty()) {
            throw lab.refuse(h.name, "no cluster group " + group);
        }
        if (members.stream().allMatch(r -> "Online".equals(r.state))) {
            return LabContext.unchanged("group " + group, "Online");
        }
        members.forEach(r -> r.state = "Online");
        return lab.record(h.name, "group " + group, "partly Offline", "Online");
    }

    @Override
    public ResourceState readResource(String host, String resource) {
        lab.reachableHost(host);
        ClusterLabState c = lab.state().cluster;
        ClusterLabState.Resource r = c == null ? null : c.resources.get(LabContext.key(resource));
        return r == null ? new ResourceState(resource, false, null, null, null)
                : new ResourceState(r.name, true, r.group, r.type, r.state);
    }

    private Change setState(String host, String resource, String state) {
        HostState h = lab.reachableHost(host);
        ClusterLabState.Resource r = resource(h, resource);
        if (state.equals(r.state)) {
            return LabContext.unchanged("resource " + resource, state);
        }
        String before = r.state;
        r.state = state;
        return lab.record(h.name, "resource " + resource, before, state);
    }

    private ClusterLabState existing(HostState h) {
        if (lab.state().cluster == null) {
            throw lab.refuse(h.name, "there is no cluster yet (pre-5.1)");
        }
        return lab.state().cluster;
    }

    private ClusterLabState.Resource resource(HostState h, String name) {
        ClusterLabState.Resource r = existing(h).resources.get(LabContext.key(name));
        if (r == null) {
            throw lab.refuse(h.name, "no cluster resource " + name);
        }
        return r;
    }

    static ClusterLabState.Resource addResource(ClusterLabState c, String name, String group, String type, String state) {
        ClusterLabState.Resource r = new ClusterLabState.Resource();
        r.name = name;
        r.group = group;
        r.type = type;
        r.state = state;
        c.resources.put(LabContext.key(name), r);
        return r;
    }
}
