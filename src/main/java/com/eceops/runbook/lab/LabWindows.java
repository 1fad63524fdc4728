package com.eceops.runbook.lab;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.technology.windows.AccessRule;
import com.eceops.runbook.technology.windows.FeatureInstallResult;
import com.eceops.runbook.technology.windows.FirewallRule;
import com.eceops.runbook.technology.windows.HostFacts;
import com.eceops.runbook.technology.windows.ServiceStatus;
import com.eceops.runbook.technology.windows.WindowsOperations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The simulated servers' Windows: features and restarts, directories, shares, ACLs, files, services. */
final class LabWindows implements WindowsOperations {

    private final LabContext lab;
    private final LabFileSystem files;
    private final LabServices services;

    LabWindows(LabContext lab) {
        this.lab = lab;
        this.files = new LabFileSystem(lab);
        this.services = new LabServices(lab);
    }

    @Override
    public HostFacts readHostFacts(String host) {
        HostState h = lab.reachableHost(host);
        List<HostFacts.DriveFacts> drives = h.drivesGb.entrySet().stream()
                .map(e -> new HostFacts.DriveFacts(e.getKey().charAt(0), e.getValue(), e.getValue() * 8L / 10)).toList();
        return new HostFacts(h.name, h.osCaption, h.osVersion, drives, !h.featuresPendingRestart.isEmpty());
    }

    @Override
    public boolean isReachable(String host) {
        return lab.host(host).reachableAt(lab.now());
    }

    @Override
    public Set<String> installedFeatures(String host) {
        return Set.copyOf(lab.reachableHost(host).features);
    }

    /** Features Windows wants a restart for stay "install pending" and count only after {@link #restart}. */
    @Override
    public FeatureInstallResult installFeatures(String host, List<String> features) {
        HostState h = lab.reachableHost(host);
        List<String> installed = new ArrayList<>();
        boolean restartNeeded = false;
        for (String feature : features) {
            if (h.featuresPendingRestart.contains(feature)) {
                restartNeeded = true;
            } else if (!h.features.contains(feature)) {
                if (lab.state().scenario.featuresNeedingRestart().contains(feature)) {
                    h.featuresPendingRestart.add(feature);
                    restartNeeded = true;
                    lab.record(h.name, "feature " + feature, "Available", "InstallPending (restart needed)");
                } else {
                    h.features.add(feature);
                    lab.record(h.name, "feature " + feature, "Available", "Installed");
                }
                installed.add(feature);
            }
        }
        return new FeatureInstallResult(installed, restartNeeded);
    }

    /**
     * The host goes away for the restart's duration. Whatever needed the restart is in effect once it is back;
     * since nothing can look before then, it is applied at once.
     */
    @Override
    public void restart(String host) {
        HostState h = lab.reachableHost(host);
        Instant back = lab.now().plus(lab.durations().hostRestart());
        h.restartingUntil = back;
        h.features.addAll(h.featuresPendingRestart);
        h.featuresPendingRestart.clear();
        services.restartAll(h, back);
        SqlInstanceState sql = lab.state().sql.get(h.name);
        if (sql != null) {
            sql.restartingUntil = back;
            sql.hadrActive = sql.hadrEnabled;
        }
        lab.record(h.name, "host", "up", "restarting until " + back);
    }

    @Override
    public Change ensureDirectory(String host, String path) {
        return files.ensureDirectory(host, path);
    }

    @Override
    public FirewallRule.State readFirewallRule(String host, String name) {
        HostState.FirewallRuleState rule = lab.reachableHost(host).firewallRules.get(LabPaths.key(name));
        return rule == null ? FirewallRule.State.absent()
                : new FirewallRule.State(true, rule.enabled, "Inbound", "Allow", "TCP", List.of(String.valueOf(rule.port)));
    }

    @Override
    public Change ensureFirewallRule(String host, FirewallRule rule) {
        HostState h = lab.reachableHost(host);
        FirewallRule.State before = readFirewallRule(host, rule.name());
        if (before.allows(rule)) {
            return LabContext.unchanged("firewall rule " + rule.name(), before.describe());
        }
        HostState.FirewallRuleState state = new HostState.FirewallRuleState();
        state.name = rule.name();
        state.displayName = rule.displayName();
        state.enabled = true;
        state.port = rule.port();
        h.firewallRules.put(LabPaths.key(rule.name()), state);
        return lab.record(h.name, "firewall rule " + rule.name(), before.describe(), readFirewallRule(host, rule.name()).describe());
    }

    @Override
    public Change ensureShare(String host, String shareName, String path, String fullAccessAccount) {
        HostState h = lab.reachableHost(host);
        if (!files.directoryExists(h, path)) {
            throw lab.refuse(h.name, "cannot share " + path + ": the directory does not exist");
        }
        HostState.Share share = h.shares.get(LabPaths.key(shareName));
        boolean granted = share != null && share.fullAccess.stream().anyMatch(a -> a.equalsIgnoreCase(fullAccessAccount));
        if (share != null && LabPaths.key(share.path).equals(LabPaths.key(path)) && granted) {
            return LabContext.unchanged("share " + shareName, path + " full access " + share.fullAccess);
        }
        String before = share == null ? "absent" : share.path + " full access " + share.fullAccess;
        if (share == null || !LabPaths.key(share.path).equals(LabPaths.key(path))) {
            share = new HostState.Share();
            share.name = shareName;
            share.path = path;
            h.shares.put(LabPaths.key(shareName), share);
        }
        share.fullAccess.add(fullAccessAccount);
        return lab.record(h.name, "share " + shareName, before, path + " full access " + share.fullAccess);
    }

    @Override
    public Change grantAccess(String host, String path, String account, String rights) {
        HostState h = lab.reachableHost(host);
        if (!files.directoryExists(h, path) && !h.files.containsKey(LabPaths.key(path))) {
            throw lab.refuse(h.name, "cannot set the ACL of " + path + ": it does not exist");
        }
        List<AccessRule> rules = h.accessRules.computeIfAbsent(LabPaths.key(path), k -> new ArrayList<>());
        boolean present = rules.stream().anyMatch(r -> !r.deny() && !r.inherited()
                && r.identity().equalsIgnoreCase(account) && r.rights().equalsIgnoreCase(rights));
        if (present) {
            return LabContext.unchanged("ACL " + path + " " + account, rights);
        }
        rules.add(new AccessRule(account, rights, false, false));
        return lab.record(h.name, "ACL " + path + " " + account, "none", "Allow " + rights);
    }

    @Override
    public List<AccessRule> readAccessRules(String host, String path) {
        LabPaths.Location where = LabPaths.resolve(lab, lab.reachableHost(host).name, path);
        HostState h = lab.reachableHost(where.host());
        return List.copyOf(h.accessRules.getOrDefault(LabPaths.key(where.localPath()), List.of()));
    }

    @Override
    public Change writeFile(String host, String path, String content) {
        return files.write(host, path, content, lab.now());
    }

    @Override
    public Optional<String> readFile(String host, String path) {
        return files.read(host, path).map(f -> f.content);
    }

    /** The lab keeps a binary file's bytes as ISO-8859-1 text, one character a byte, so they come back as written. */
    @Override
    public Optional<byte[]> readFileBytes(String host, String path) {
        return files.read(host, path).map(f -> f.content.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Override
    public boolean fileExists(String host, String path) {
        return files.read(host, path).isPresent();
    }

    @Override
    public List<String> listFiles(String host, String directory) {
        LabPaths.Location where = LabPaths.resolve(lab, lab.reachableHost(host).name, directory);
        HostState h = lab.reachableHost(where.host());
        String dir = LabPaths.key(where.localPath());
        TreeSet<String> names = new TreeSet<>();
        h.files.forEach((key, file) -> {
            if (LabPaths.parent(key).equals(dir)) {
                names.add(LabPaths.fileName(file.path));
            }
        });
        return List.copyOf(names);
    }

    @Override
    public List<String> listFilesUnder(String host, String directory) {
        LabPaths.Location where = LabPaths.resolve(lab, lab.reachableHost(host).name, directory);
        HostState h = lab.reachableHost(where.host());
        String dir = LabPaths.key(where.localPath());
        TreeSet<String> names = new TreeSet<>();
        h.files.forEach((key, file) -> {
            if (key.startsWith(dir + "\\")) {
                names.add(file.path.replace('/', '\\').substring(dir.length() + 1));
            }
        });
        return List.copyOf(names);
    }

    @Override
    public Change copyFile(String host, String sourcePath, String targetHost, String targetPath) {
        HostState.FileEntry source = files.read(host, sourcePath)
                .orElseThrow(() -> lab.refuse(host, "cannot copy " + sourcePath + ": no such file"));
        return files.copy(source, targetHost, targetPath, lab.now());
    }

    /**
     * The SHA-256 of the simulated file's text (UTF-8), which is what a test computes for the patch it stages; for a
     * file standing for outside bytes (the registered patch archive), the SHA-256 its owner gave.
     */
    @Override
    public String sha256(String host, String path) {
        HostState.FileEntry file = files.read(host, path)
                .orElseThrow(() -> lab.refuse(host, "cannot hash " + path + ": no such file"));
        if (file.sha256 != null) {
            return file.sha256;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(file.content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A simulated archive is a text file listing its entries one per line ({@code ES5\\readme.txt}); expanding it
     * writes each entry under the destination, with its parent directories.
     */
    @Override
    public Change expandArchive(String host, String archivePath, String destination) {
        HostState.FileEntry archive = files.read(host, archivePath)
                .orElseThrow(() -> lab.refuse(host, "cannot expand " + archivePath + ": no such file"));
        files.ensureDirectory(host, destination);
        int written = 0;
        for (String line : archive.content.split("\\R")) {
            String entry = line.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String target = destination + "\\" + entry;
            String parent = target.substring(0, target.lastIndexOf('\\'));
            files.ensureDirectory(host, parent);
            if (files.write(host, target, entry + " from " + LabPaths.fileName(archivePath), lab.now()).changed()) {
                written++;
            }
        }
        return written == 0 ? Change.none("archive expanded in " + destination)
                : Change.of("not expanded", written + " files expanded in " + destination);
    }

    @Override
    public ServiceStatus readService(String host, String service) {
        return services.read(lab.reachableHost(host), service);
    }

    @Override
    public Change setServiceStartType(String host, String service, ServiceStatus.StartType startType) {
        return services.setStartType(lab.reachableHost(host), service, startType);
    }

    @Override
    public Change startService(String host, String service) {
        return services.start(lab.reachableHost(host), service);
    }

    @Override
    public Change stopService(String host, String service) {
        return services.stop(lab.reachableHost(host), service);
    }

    @Override
    public int countProcessesRunningAs(String host, String account) {
        return services.processesRunningAs(lab.reachableHost(host), account);
    }
}
