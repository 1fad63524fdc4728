package com.eceops.runbook.lab;

import com.eceops.runbook.technology.windows.AccessRule;
import java.util.List;

/**
 * What people do by hand outside the typed operations, applied to the lab: the fixes their tasks ask for
 * (a reinstalled OS, a formatted drive, a removed Deny entry, {@code setspn -A} / {@code -D}) and the
 * mistakes a rehearsal starts from (a Deny entry someone left). Each is recorded in the ledger under an
 * operation name ending in {@code ByHand}; the process then checks the result as on real servers.
 */
public final class LabHandwork {

    private final RehearsalLab lab;

    LabHandwork(RehearsalLab lab) {
        this.lab = lab;
    }

    /** The server is reinstalled with Windows Server 2016 (sys-2). */
    public void installWindowsServer2016(String host) {
        change("installWindowsServerByHand", () -> {
            HostState h = lab.context().host(host);
            if (!BareLab.OS_VERSION.equals(h.osVersion)) {
                lab.context().record(h.name, "operating system", h.osVersion, BareLab.OS_VERSION);
                h.osCaption = BareLab.OS_CAPTION;
                h.osVersion = BareLab.OS_VERSION;
            }
        });
    }

    /** A disk of the size is added and formatted as the drive letter (sys-3); an existing drive is resized. */
    public void formatDrive(String host, char letter, int sizeGb) {
        change("formatDriveByHand", () -> {
            HostState h = lab.context().host(host);
            String key = String.valueOf(Character.toUpperCase(letter));
            Integer before = h.drivesGb.get(key);
            if (before == null || before != sizeGb) {
                lab.context().record(h.name, "drive " + key + ":", before == null ? "absent" : before + " GB", sizeGb + " GB");
                h.drivesGb.put(key, sizeGb);
            }
        });
    }

    /** An explicit Deny rule on an existing directory, as someone may have left it (pre-3.2's trap). */
    public void denyAccess(String host, String path, String identity, String rights) {
        change("denyAccessByHand", () -> {
            HostState h = lab.context().host(host);
            lab.context().record(h.name, "ACL " + path + " " + identity, "none", "Deny " + rights);
            h.accessRules.computeIfAbsent(LabPaths.key(path), k -> new java.util.ArrayList<>())
                    .add(new AccessRule(identity, rights, true, false));
        });
    }

    /** Every explicit Deny rule of the directory is removed (the fix pre-3.2 asks for). */
    public void removeDenyEntries(String host, String path) {
        change("removeDenyEntriesByHand", () -> {
            HostState h = lab.context().host(host);
            List<AccessRule> rules = h.accessRules.getOrDefault(LabPaths.key(path), new java.util.ArrayList<>());
            for (AccessRule rule : List.copyOf(rules)) {
                if (rule.deny() && !rule.inherited()) {
                    rules.remove(rule);
                    lab.context().record(h.name, "ACL " + path + " " + rule.identity(), "Deny " + rule.rights(), "none");
                }
            }
        });
    }

    /** {@code setspn -A}: adds the SPN to the account without looking for duplicates, as the document's command does. */
    public void addServicePrincipalName(String account, String spn) {
        change("setspnAddByHand", () -> {
            AdState.AdObject object = lab.context().state().activeDirectory.objects.get(LabContext.key(account));
            if (object != null && object.servicePrincipalNames.stream().noneMatch(s -> s.equalsIgnoreCase(spn))) {
                object.servicePrincipalNames.add(spn);
                lab.context().record(domain(), "SPN " + spn, "not on " + account, "on " + account);
            }
        });
    }

    /** {@code setspn -D}: removes the SPN from the account. */
    public void removeServicePrincipalName(String account, String spn) {
        change("setspnDeleteByHand", () -> {
            AdState.AdObject object = lab.context().state().activeDirectory.objects.get(LabContext.key(account));
            if (object != null && object.servicePrincipalNames.removeIf(s -> s.equalsIgnoreCase(spn))) {
                lab.context().record(domain(), "SPN " + spn, "on " + account, "not on " + account);
            }
        });
    }

    /**
     * The patch is installed by its readme (patch-3). The installer does nothing where ECE is missing or, on
     * a server with the Cisco service, while that service still runs: the version check afterwards finds the
     * old level. Installing the level that is already there changes nothing.
     */
    public void installEcePatch(String host, String patch) {
        change("installEcePatchByHand", () -> {
            HostState h = lab.context().host(host);
            ServiceState cisco = h.services.get(LabContext.key(lab.context().estate().ece().serviceName()));
            if (cisco != null && cisco.running()) {
                return;
            }
            LabEcePatches.install(lab.context(), h, patch);
        });
    }

    /**
     * The patch archive is where its registration says, as the change manager put it there before asking for the
     * approval: on a share of an estate server, or of a file server outside the estate, which the lab then holds with
     * just that share (on its D: drive). The lab holds no archive bytes: the file lists the entries the readme and
     * installer come in ({@code ES5\readme.txt}, {@code ES5\setup.bat}) and answers the registered SHA-256. A file
     * already there is left as it is: a rehearsal may have put another one there on purpose.
     */
    public void providePatchFile(String uncPath, String sha256, String level) {
        change("providePatchFileByHand", () -> {
            LabContext context = lab.context();
            String path = uncPath.replace('/', '\\');
            String[] parts = path.startsWith("\\\\") ? path.substring(2).split("\\\\", 3) : new String[0];
            if (parts.length < 3) {
                throw context.refuse("-", "the patch file " + uncPath + " is not a file on a share (\\\\server\\share\\file)");
            }
            String server = LabContext.shortName(parts[0]);
            var domain = context.estate().domain();
            boolean namespace = parts[0].equalsIgnoreCase(domain.fqdn()) || parts[0].equalsIgnoreCase(domain.netbios());
            if (namespace) {
                // On the domain's DFS namespace: the file lands on the folder target that answers, as a client's copy would.
                server = context.estate().sideA().collocated().name();
            } else if (!context.state().hosts.containsKey(LabContext.key(server))) {
                context.state().hosts.put(LabContext.key(server), outsideFileServer(server, parts[1]));
            }
            LabFileSystem files = new LabFileSystem(context);
            if (files.read(server, uncPath).isPresent()) {
                return;
            }
            files.ensureDirectory(server, LabPaths.parent(uncPath));
            LabPaths.Location where = LabPaths.resolve(context, server, uncPath);
            String listing = level + "\\readme.txt\n" + level + "\\setup.bat\n";
            files.writeLocal(context.host(where.host()), where.localPath(), listing, sha256.toLowerCase(java.util.Locale.ROOT),
                    context.now());
        });
    }

    private static HostState outsideFileServer(String name, String share) {
        HostState h = new HostState();
        h.name = LabContext.key(name);
        h.role = "OUTSIDE_FILE_SERVER";
        h.drivesGb.put("D", 1000);
        HostState.Share s = new HostState.Share();
        s.name = share;
        s.path = "D:\\" + share;
        h.shares.put(LabPaths.key(share), s);
        h.directories.put(LabPaths.key(s.path), s.path);
        return h;
    }

    /** The last patch is uninstalled by its readme (the rollback); a server without patches is left as it is. */
    public void uninstallEcePatch(String host) {
        change("uninstallEcePatchByHand", () -> LabEcePatches.uninstall(lab.context(), lab.context().host(host)));
    }

    /**
     * patch-1.2 in the system console: every email Dispatcher and Retriever process of the system partition
     * set to Manual and stopped (the business partition's instances stop with them).
     */
    public void stopEmailProcesses() {
        change("stopEmailProcessesByHand", () -> LabEce.emailProcesses(lab.context()).forEach(p -> {
            setEmail(p, "system".equals(p.scope) ? "Manual" : p.startType, "Stopped");
        }));
    }

    /** patch-4.6: every email process and instance back to Automatic and started. */
    public void startEmailProcesses() {
        change("startEmailProcessesByHand", () -> LabEce.emailProcesses(lab.context()).forEach(p -> setEmail(p, "Automatic", "Running")));
    }

    private void setEmail(EmailProcessState p, String startType, String state) {
        if (!p.startType.equals(startType) || !p.state.equals(state)) {
            lab.context().record(lab.context().estate().ece().fqdn(), "email " + p.scope + " " + p.name,
                    p.startType + "/" + p.state, startType + "/" + state);
            p.startType = startType;
            p.state = state;
        }
    }

    /**
     * What a patch's installer does to the ECE databases through the listener: their schema becomes
     * {@code version} on the primary and, by synchronous commit, on every secondary copy that is joined. The
     * patch's lab effects call this; the rollback's restore brings the version of the backup back. A version
     * already there changes nothing.
     */
    public void upgradeEceDatabases(String version) {
        change("upgradeEceDatabasesByHand", () -> LabEcePatches.upgradeSchema(lab.context(), version));
    }

    private String domain() {
        return lab.context().estate().domain().fqdn();
    }

    private void change(String operation, Runnable work) {
        lab.locked(() -> {
            lab.context().operation(operation);
            work.run();
            lab.save();
        });
    }
}
