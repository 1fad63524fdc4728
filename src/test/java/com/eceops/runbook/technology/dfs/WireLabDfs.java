package com.eceops.runbook.technology.dfs;

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
 * The DFS half of the wire lab: pre-4's scripts applied to the lab's {@link DfsOperations} on the server that received
 * them, answered in the scripts' JSON shapes (root targets as UNC paths, folders by full path, one membership per
 * member). The change scripts' before/after texts are the lab's: the caller reads only whether something changed.
 */
public record WireLabDfs(String host, DfsOperations lab) {

    /** The DFS operations that change the estate: a plan records exactly these. */
    public static final Set<String> CHANGES = Set.of("create domain namespace", "add namespace server",
            "create namespace folder", "create replication group", "set staging quota");

    /** The answer to a DFS script, or empty when the script is not one of pre-4's. */
    public Optional<Object> answer(WireScript s) {
        return Optional.ofNullable(switch (s.operation()) {
            case "read namespace" -> namespace(s.text("Namespace"), lab.readNamespace(host, last(s.text("Namespace"))));
            case "create domain namespace" -> changed(lab.createDomainNamespace(host, s.text("Root"), s.text("LocalPath")));
            case "add namespace server" -> changed(lab.addNamespaceServer(host, s.text("Root"), s.text("LocalPath")));
            case "create namespace folder" -> changed(lab.createFolderWithTargets(host, s.text("FolderPath"), s.texts("Targets")));
            case "create replication group" -> changed(lab.createReplicationGroup(host, new ReplicationGroupSpec(s.text("Group"),
                    s.text("Folder"), s.texts("Members"), s.text("Primary"), (Boolean) s.parameters().get("FullMesh"),
                    s.text("ContentPath"))));
            case "set staging quota" -> changed(lab.setStagingQuota(host, s.text("Group"), s.text("Member"), s.number("QuotaMb")));
            case "read replication group" -> group(lab.readReplicationGroup(host, s.text("Group")));
            default -> null;
        });
    }

    private static Map<String, Object> namespace(String namespace, NamespaceState state) {
        if (!state.exists()) {
            return Map.of("exists", false);
        }
        String root = last(namespace);
        List<Map<String, Object>> folders = new ArrayList<>();
        state.folderTargets().forEach((name, targets) -> folders.add(Map.of("path", namespace + "\\" + name, "targets", targets)));
        return Map.of("exists", true, "type", "Windows Server 2008".equals(state.mode()) ? "Domain V2" : String.valueOf(state.mode()),
                "rootTargets", state.servers().stream().map(server -> "\\\\" + server + "\\" + root).toList(), "folders", folders);
    }

    private static Map<String, Object> group(ReplicationGroupState state) {
        if (!state.exists()) {
            return Map.of("exists", false);
        }
        List<Map<String, Object>> memberships = new ArrayList<>();
        for (String member : state.members()) {
            Map<String, Object> membership = new LinkedHashMap<>();
            membership.put("computerName", member);
            membership.put("folderName", state.name());
            membership.put("contentPath", state.contentPath());
            membership.put("primaryMember", member.equalsIgnoreCase(String.valueOf(state.primaryMember())));
            membership.put("stagingPathQuotaInMb", state.stagingQuotaMbByMember().get(member));
            memberships.add(membership);
        }
        int members = state.members().size();
        return Map.of("exists", true, "memberships", memberships, "connections", state.fullMesh() ? members * (members - 1) : 0);
    }


    private static String last(String path) {
        return path.substring(path.lastIndexOf('\\') + 1);
    }
}
