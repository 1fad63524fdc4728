package com.eceops.runbook.lab;

import java.util.List;
import java.util.Locale;

/**
 * Windows paths in the lab: case-insensitive keys, and UNC paths resolved to the host and local path they
 * name, through shares ({@code \\host\share}), admin shares ({@code \\host\F$}) and the DFS namespace
 * ({@code \\domain\root\folder}, whose first answering target is used, as a DFS client would).
 */
final class LabPaths {

    private LabPaths() {
    }

    record Location(String host, String localPath) {
    }

    static String key(String path) {
        String p = path.replace('/', '\\');
        while (p.endsWith("\\") && !p.endsWith(":\\")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.toLowerCase(Locale.ROOT);
    }

    static String parent(String path) {
        String p = key(path);
        int slash = p.lastIndexOf('\\');
        return slash <= 2 ? p.substring(0, Math.max(slash, 0)) : p.substring(0, slash);
    }

    static String fileName(String path) {
        String p = path.replace('/', '\\');
        return p.substring(p.lastIndexOf('\\') + 1);
    }

    static boolean under(String path, String directory) {
        String p = key(path);
        String d = key(directory);
        return p.equals(d) || p.startsWith(d + "\\");
    }

    static char drive(String localPath) {
        return Character.toUpperCase(localPath.charAt(0));
    }

    static Location resolve(LabContext lab, String host, String path) {
        String p = path.replace('/', '\\');
        if (!p.startsWith("\\\\")) {
            return new Location(LabContext.key(host), p);
        }
        String[] parts = p.substring(2).split("\\\\", 3);
        String server = parts[0];
        String share = parts.length > 1 ? parts[1] : "";
        String rest = parts.length > 2 ? parts[2] : "";
        var domain = lab.estate().domain();
        if (server.equalsIgnoreCase(domain.fqdn()) || server.equalsIgnoreCase(domain.netbios())) {
            return throughNamespace(lab, host, share, rest, path);
        }
        HostState target = lab.reachableHost(LabContext.shortName(server));
        String local;
        if (share.endsWith("$") && share.length() == 2) {
            local = share.charAt(0) + ":";
        } else {
            HostState.Share s = target.shares.get(key(share));
            if (s == null) {
                throw lab.refuse(host, "the network path " + path + " was not found: " + target.name
                        + " has no share " + share);
            }
            local = s.path;
        }
        return new Location(target.name, rest.isEmpty() ? local : local + "\\" + rest);
    }

    private static Location throughNamespace(LabContext lab, String host, String root, String rest, String path) {
        DfsState.Namespace ns = lab.state().dfs.namespace;
        if (ns == null || !ns.root.equalsIgnoreCase(root)) {
            throw lab.refuse(host, "the network path " + path + " was not found: no DFS namespace root " + root);
        }
        String[] parts = rest.split("\\\\", 2);
        List<String> targets = ns.folderTargets.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(parts[0])).map(java.util.Map.Entry::getValue)
                .findFirst().orElseThrow(() -> lab.refuse(host, "the network path " + path
                        + " was not found: the namespace has no folder " + parts[0]));
        for (String target : targets) {
            String server = target.substring(2).split("\\\\")[0];
            if (lab.host(LabContext.shortName(server)).reachableAt(lab.now())) {
                return resolve(lab, host, parts.length > 1 ? target + "\\" + parts[1] : target);
            }
        }
        throw lab.refuse(host, "no folder target of " + path + " answers");
    }
}
