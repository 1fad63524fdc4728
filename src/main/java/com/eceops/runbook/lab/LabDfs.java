package com.eceops.runbook.lab;

import com.eceops.runbook.technology.dfs.DfsOperations;
import com.eceops.runbook.technology.dfs.NamespaceState;
import com.eceops.runbook.technology.dfs.ReplicationGroupSpec;
import com.eceops.runbook.technology.dfs.ReplicationGroupState;
import com.eceops.runbook.operations.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulated DFS namespace and replication; replication copies newer files between members after a delay. */
final class LabDfs implements DfsOperations {

    private static final String FEATURE_NAMESPACES = "FS-DFS-Namespace";
    private static final String FEATURE_REPLICATION = "FS-DFS-Replication";

    private final LabContext lab;
    private final LabFileSystem files;

    LabDfs(LabContext lab) {
        this.lab = lab;
        this.files = new LabFileSystem(lab);
    }

    @Override
    public Change createDomainNamespace(String host, String root, String localPath) {
        HostState h = namespaceServer(host);
        DfsState.Namespace ns = lab.state().dfs.namespace;
        if (ns != null) {
            if (!ns.root.equalsIgnoreCase(root)) {
                throw lab.refuse(h.name, "the domain already has namespace root " + ns.root);
            }
            return LabContext.unchanged("namespace " + root, "servers " + ns.serversLocalPath.keySet());
        }
        ns = new DfsState.Namespace();
        ns.root = root;
        ns.mode = "Windows Server 2008";
        ns.serversLocalPath.put(h.name, localPath);
        lab.state().dfs.namespace = ns;
        shareRoot(h, root, localPath);
        return lab.record(h.name, "namespace " + namespacePath(root), "absent", "servers [" + h.name + "]");
    }

    @Override
    public Change addNamespaceServer(String host, String root, String localPath) {
        HostState h = namespaceServer(host);
        DfsState.Namespace ns = existingNamespace(h, root);
        if (ns.serversLocalPath.containsKey(h.name)) {
            return LabContext.unchanged("namespace servers", ns.serversLocalPath.keySet());
        }
        String before = ns.serversLocalPath.keySet().toString();
        ns.serversLocalPath.put(h.name, localPath);
        shareRoot(h, root, localPath);
        return lab.record(h.name, "namespace servers", before, ns.serversLocalPath.keySet());
    }

    @Override
    public Change createFolderWithTargets(String host, String folderPath, List<String> targets) {
        HostState h = lab.reachableHost(host);
        String[] parts = folderPath.substring(2).split("\\\\");
        DfsState.Namespace ns = existingNamespace(h, parts.length > 1 ? parts[1] : "");
        String folder = parts.length > 2 ? parts[2] : "";
        for (String target : targets) {
            LabPaths.resolve(lab, h.name, target); // refuses a target share that does not exist
        }
        List<String> existing = ns.folderTargets.get(folder);
        if (existing != null && sameIgnoringCase(existing, targets)) {
            return LabContext.unchanged("folder " + folderPath, existing);
        }
        ns.folderTargets.put(folder, new ArrayList<>(targets));
        return lab.record(h.name, "folder " + folderPath, existing == null ? "absent" : existing, targets);
    }

    /** The staging quota a new membership gets (the DFS Replication default). */
    static final int DEFAULT_STAGING_QUOTA_MB = 4096;

    @Override
    public Change createReplicationGroup(String host, ReplicationGroupSpec spec) {
        HostState h = lab.reachableHost(host);
        DfsState.ReplicationGroup group = lab.state().dfs.replicationGroup;
        if (group != null && group.name.equalsIgnoreCase(spec.name())) {
            return LabContext.unchanged("replication group " + spec.name(), "members " + group.members);
        }
        for (String member : spec.members()) {
            HostState m = lab.reachableHost(member);
            if (!m.features.contains(FEATURE_REPLICATION)) {
                throw lab.refuse(m.name, "feature " + FEATURE_REPLICATION + " is not installed on member " + m.name + " (pre-1)");
            }
            if (m.files.keySet().stream().anyMatch(f -> LabPaths.under(f, spec.contentPath()))) {
                throw lab.refuse(m.name, "the shared directory " + spec.contentPath() + " on " + m.name
                        + " must be empty before replication is set up (pre-4.3)");
            }
        }
        if (!spec.members().contains(spec.primaryMember())) {
            throw lab.refuse(h.name, "the primary member " + spec.primaryMember() + " is not a member");
        }
        group = new DfsState.ReplicationGroup();
        group.name = spec.name();
        group.folder = spec.folder();
        group.members.addAll(spec.members().stream().map(LabContext::key).toList());
        group.primaryMember = LabContext.key(spec.primaryMember());
        group.fullMesh = spec.fullMesh();
        group.contentPath = spec.contentPath();
        // DFS Replication gives every membership a staging quota when it is made: 4096 MB unless set otherwise, and
        // Get-DfsrMembership always reports it.
        for (String member : group.members) {
            group.stagingQuotaMb.put(member, DEFAULT_STAGING_QUOTA_MB);
        }
        lab.state().dfs.replicationGroup = group;
        return lab.record(h.name, "replication group " + spec.name(), "absent", "members " + group.members
                + ", primary " + group.primaryMember + (group.fullMesh ? ", full mesh" : ""));
    }

    @Override
    public Change setStagingQuota(String host, String group, String member, int quotaMb) {
        HostState h = lab.reachableHost(host);
        DfsState.ReplicationGroup g = existingGroup(h, group);
        String m = LabContext.key(member);
        if (!g.members.contains(m)) {
            throw lab.refuse(h.name, member + " is not a member of replication group " + group);
        }
        Integer before = g.stagingQuotaMb.get(m);
        if (before != null && before == quotaMb) {
            return LabContext.unchanged("staging quota of " + m, quotaMb + " MB");
        }
        g.stagingQuotaMb.put(m, quotaMb);
        return lab.record(h.name, "staging quota of " + m, before == null ? "4096 MB (default)" : before + " MB", quotaMb + " MB");
    }

    @Override
    public NamespaceState readNamespace(String host, String root) {
        lab.reachableHost(host);
        DfsState.Namespace ns = lab.state().dfs.namespace;
        if (ns == null || !ns.root.equalsIgnoreCase(root)) {
            return new NamespaceState(namespacePath(root), false, null, List.of(), Map.of());
        }
        Map<String, List<String>> folders = new LinkedHashMap<>();
        ns.folderTargets.forEach((k, v) -> folders.put(k, List.copyOf(v)));
        return new NamespaceState(namespacePath(root), true, ns.mode, List.copyOf(ns.serversLocalPath.keySet()), folders);
    }

    @Override
    public ReplicationGroupState readReplicationGroup(String host, String group) {
        lab.reachableHost(host);
        DfsState.ReplicationGroup g = lab.state().dfs.replicationGroup;
        if (g == null || !g.name.equalsIgnoreCase(group)) {
            return new ReplicationGroupState(group, false, List.of(), null, false, null, Map.of());
        }
        return new ReplicationGroupState(g.name, true, List.copyOf(g.members), g.primaryMember, g.fullMesh, g.contentPath,
                Map.copyOf(g.stagingQuotaMb));
    }

    /**
     * DFS Replication at work: a file newer on one member than on another reaches it once the replication
     * delay has passed since it was written, provided both members answer.
     */
    void replicate() {
        DfsState.ReplicationGroup g = lab.state().dfs.replicationGroup;
        if (g == null) {
            return;
        }
        Instant now = lab.now();
        for (String from : g.members) {
            HostState source = lab.host(from);
            if (!source.reachableAt(now)) {
                continue;
            }
            for (HostState.FileEntry file : List.copyOf(source.files.values())) {
                if (!LabPaths.under(file.path, g.contentPath)
                        || file.modifiedAt.plus(lab.durations().dfsReplication()).isAfter(now)) {
                    continue;
                }
                for (String to : g.members) {
                    HostState target = lab.host(to);
                    HostState.FileEntry there = target.files.get(LabPaths.key(file.path));
                    if (target != source && target.reachableAt(now)
                            && (there == null || there.modifiedAt.isBefore(file.modifiedAt))) {
                        lab.operation("dfsReplication");
                        ensureParents(target, LabPaths.parent(file.path));
                        files.writeLocal(target, file.path, file.content, file.modifiedAt);
                    }
                }
            }
        }
    }

    private void ensureParents(HostState h, String directory) {
        if (!files.directoryExists(h, directory)) {
            ensureParents(h, LabPaths.parent(directory));
            h.directories.put(LabPaths.key(directory), directory);
        }
    }

    private HostState namespaceServer(String host) {
        HostState h = lab.reachableHost(host);
        if (!h.features.contains(FEATURE_NAMESPACES)) {
            throw lab.refuse(h.name, "feature " + FEATURE_NAMESPACES + " is not installed (pre-1)");
        }
        return h;
    }

    private void shareRoot(HostState h, String root, String localPath) {
        String rootPath = localPath + "\\" + root;
        h.directories.putIfAbsent(LabPaths.key(localPath), localPath);
        h.directories.putIfAbsent(LabPaths.key(rootPath), rootPath);
        HostState.Share share = new HostState.Share();
        share.name = root;
        share.path = rootPath;
        h.shares.putIfAbsent(LabPaths.key(root), share);
    }

    private DfsState.Namespace existingNamespace(HostState h, String root) {
        DfsState.Namespace ns = lab.state().dfs.namespace;
        if (ns == null || !ns.root.equalsIgnoreCase(root)) {
            throw lab.refuse(h.name, "no domain namespace " + namespacePath(root) + "; create it first (pre-4.1)");
        }
        return ns;
    }

    private DfsState.ReplicationGroup existingGroup(HostState h, String group) {
        DfsState.ReplicationGroup g = lab.state().dfs.replicationGroup;
        if (g == null || !g.name.equalsIgnoreCase(group)) {
            throw lab.refuse(h.name, "no replication group " + group + "; create it first (pre-4.3)");
        }
        return g;
    }

    private String namespacePath(String root) {
        return "\\\\" + lab.estate().domain().fqdn() + "\\" + root;
    }

    private static boolean sameIgnoringCase(List<String> a, List<String> b) {
        return a.size() == b.size() && a.stream().map(LabPaths::key).toList().equals(b.stream().map(LabPaths::key).toList());
    }
}
