package com.eceops.runbook.technology.dfs;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.PowerShellScript;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.RoutedScripts;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.windows.FileScripts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.eceops.runbook.technology.dfs.DfsOperations;
import com.eceops.runbook.technology.dfs.NamespaceState;
import com.eceops.runbook.technology.dfs.ReplicationGroupSpec;
import com.eceops.runbook.technology.dfs.ReplicationGroupState;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;

/**
 * {@link DfsOperations} on real servers: each call runs on the namespace server it names, with the DFSN and DFSR
 * modules (the DFS management tools pre-1 installs). The cmdlets reach Active Directory and the other member, so
 * the server's {@code doubleHop} decides how they run; there is no single machine that owns a domain namespace, so
 * {@code resource-owner} is refused for these (use {@code scheduled-task} or {@code ssh-password}).
 */
public class PowerShellDfsOperations implements DfsOperations {

    private final RoutedScripts scripts;
    private final String domain;

    public PowerShellDfsOperations(ScriptContext context, String domainFqdn) {
        this.scripts = new RoutedScripts(context);
        this.domain = domainFqdn;
    }

    @Override
    public Change createDomainNamespace(String host, String root, String localPath) {
        return change(host, DfsScripts.createDomainNamespace(namespace(root), root, localPath, "\\\\" + host + "\\" + root));
    }

    @Override
    public Change addNamespaceServer(String host, String root, String localPath) {
        return change(host, DfsScripts.addNamespaceServer(namespace(root), root, localPath, host,
                "\\\\" + host + "\\" + root));
    }

    @Override
    public Change createFolderWithTargets(String host, String folderPath, List<String> targets) {
        String[] parts = folderPath.startsWith("\\\\") ? folderPath.substring(2).split("\\\\") : new String[0];
        if (parts.length != 3 || targets.isEmpty()) {
            throw new OperationFailedException(host, "create namespace folder",
                    "expected \\\\domain\\root\\folder and at least one target, got " + folderPath + " " + targets);
        }
        return change(host, DfsScripts.createFolderWithTargets("\\\\" + parts[0] + "\\" + parts[1], folderPath, targets));
    }

    @Override
    public Change createReplicationGroup(String host, ReplicationGroupSpec spec) {
        literalGroupName(host, spec.name());
        if (spec.members().stream().noneMatch(spec.primaryMember()::equalsIgnoreCase)) {
            throw new OperationFailedException(host, "create replication group",
                    "the primary member " + spec.primaryMember() + " is not a member");
        }
        List<String> memberContent = spec.members().stream()
                .map(member -> FileScripts.administrativeShare(member, spec.contentPath())).toList();
        return change(host, DfsScripts.createReplicationGroup(spec.name(), spec.folder(), spec.members(),
                spec.primaryMember(), spec.fullMesh(), spec.contentPath(), memberContent));
    }

    @Override
    public Change setStagingQuota(String host, String group, String member, int quotaMb) {
        literalGroupName(host, group);
        return change(host, DfsScripts.setStagingQuota(group, member, quotaMb));
    }

    @Override
    public NamespaceState readNamespace(String host, String root) {
        String path = namespace(root);
        return toNamespace(path, scripts.read(host, DfsScripts.readNamespace(path), Optional.empty(),
                DfsAnswers.Namespace.class));
    }

    @Override
    public ReplicationGroupState readReplicationGroup(String host, String group) {
        literalGroupName(host, group);
        return toReplicationGroup(group, scripts.read(host, DfsScripts.readReplicationGroup(group), Optional.empty(),
                DfsAnswers.ReplicationGroup.class));
    }

    /** Root targets as server names, folders by their last path segment; DomainV2 is Windows Server 2008 mode. */
    static NamespaceState toNamespace(String path, DfsAnswers.Namespace found) {
        if (!found.exists()) {
            return new NamespaceState(path, false, null, List.of(), Map.of());
        }
        String type = String.valueOf(found.type()).replace(" ", "");
        String mode = type.equalsIgnoreCase("DomainV2") ? "Windows Server 2008"
                : type.equalsIgnoreCase("DomainV1") ? "Windows 2000 Server" : found.type();
        List<String> servers = found.rootTargets().stream().map(PowerShellDfsOperations::server).toList();
        Map<String, List<String>> folders = new LinkedHashMap<>();
        for (DfsAnswers.Folder folder : found.folders()) {
            folders.put(folder.path().substring(folder.path().lastIndexOf('\\') + 1), List.copyOf(folder.targets()));
        }
        return new NamespaceState(path, true, mode, servers, folders);
    }

    /**
     * Members upper-case as the lab keys them; full mesh when every member has a connection to every other one.
     * The primary member flag is cleared by DFS Replication after the initial sync, so it may read as none.
     */
    static ReplicationGroupState toReplicationGroup(String group, DfsAnswers.ReplicationGroup found) {
        if (!found.exists()) {
            return new ReplicationGroupState(group, false, List.of(), null, false, null, Map.of());
        }
        List<String> members = found.memberships().stream().map(m -> m.computerName().toUpperCase(Locale.ROOT))
                .distinct().toList();
        String primary = found.memberships().stream().filter(DfsAnswers.Membership::primaryMember)
                .map(m -> m.computerName().toUpperCase(Locale.ROOT)).findFirst().orElse(null);
        String contentPath = found.memberships().stream().map(DfsAnswers.Membership::contentPath)
                .filter(p -> p != null && !p.isEmpty()).findFirst().orElse(null);
        Map<String, Integer> quotas = new LinkedHashMap<>();
        found.memberships().forEach(m -> quotas.putIfAbsent(m.computerName().toUpperCase(Locale.ROOT), m.stagingPathQuotaInMb()));
        boolean fullMesh = members.size() > 1 && found.connections() >= members.size() * (members.size() - 1);
        return new ReplicationGroupState(group, true, members, primary, fullMesh, contentPath, quotas);
    }

    /** {@code \\CC2K125ECEAA.massivedynamic.com\ECE_Root} → {@code CC2K125ECEAA}. */
    static String server(String uncPath) {
        String rest = uncPath.startsWith("\\\\") ? uncPath.substring(2) : uncPath;
        String host = rest.contains("\\") ? rest.substring(0, rest.indexOf('\\')) : rest;
        return host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
    }

    /**
     * The DFSR cmdlets read -GroupName as a wildcard pattern (their pages say so), so a group name with a wildcard
     * character could select other groups: refused before anything is sent.
     */
    private static void literalGroupName(String host, String group) {
        if (group.chars().anyMatch(c -> "*?[]".indexOf(c) >= 0)) {
            throw new OperationFailedException(host, "replication group", "the group name " + group
                    + " holds a wildcard character (* ? [ ]), which the DFS Replication cmdlets would expand");
        }
    }

    private String namespace(String root) {
        return "\\\\" + domain + "\\" + root;
    }

    private Change change(String host, PowerShellScript script) {
        return scripts.change(host, script, Optional.empty());
    }
}
