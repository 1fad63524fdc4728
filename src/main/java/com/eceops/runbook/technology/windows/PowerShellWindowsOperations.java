package com.eceops.runbook.technology.windows;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.Answers;
import com.eceops.runbook.technology.powershell.DetachedCommands;
import com.eceops.runbook.technology.powershell.DetachedStatus;
import com.eceops.runbook.technology.powershell.HopRoute;
import com.eceops.runbook.technology.powershell.PowerShellRunner;
import com.eceops.runbook.technology.powershell.PowerShellScript;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.ScriptRecorder;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.windows.AccessRule;
import com.eceops.runbook.technology.windows.FeatureInstallResult;
import com.eceops.runbook.technology.windows.HostFacts;
import com.eceops.runbook.technology.windows.ServiceStatus;
import com.eceops.runbook.technology.windows.WindowsOperations;

/**
 * {@link WindowsOperations} on real servers: each method renders its script and runs it remotely. In plan mode
 * the reads still run (a plan shows what would change against the real state) and every change is recorded
 * instead of executed. {@code step} supplies the procedure step of the current call for errors and the plan.
 */
public class PowerShellWindowsOperations implements WindowsOperations {

    private final ScriptContext context;
    private final PowerShellRunner runner;
    private final DetachedCommands detached;

    public PowerShellWindowsOperations(ScriptContext context) {
        this.context = context;
        this.runner = context.runner();
        this.detached = context.detached(runner);
    }

    @Override
    public HostFacts readHostFacts(String host) {
        Answers.Facts facts = read(host, HostScripts.readHostFacts(), Answers.Facts.class);
        List<HostFacts.DriveFacts> drives = facts.drives() == null ? List.of() : facts.drives().stream()
                .map(d -> new HostFacts.DriveFacts(d.letter().charAt(0), d.sizeGb(), d.freeGb())).toList();
        return new HostFacts(host, facts.osCaption(), facts.osVersion(), drives, facts.restartPending());
    }

    @Override
    public boolean isReachable(String host) {
        try {
            return read(host, HostScripts.checkReachable(), Answers.Reachable.class).reachable();
        } catch (OperationFailedException e) {
            return false;
        }
    }

    @Override
    public Set<String> installedFeatures(String host) {
        return new HashSet<>(read(host, HostScripts.installedFeatures(), Answers.Names.class).names());
    }

    @Override
    public FeatureInstallResult installFeatures(String host, List<String> features) {
        PowerShellScript script = HostScripts.installFeatures(features);
        if (context.plan()) {
            context.recorder().record(host, context.step().get(), script.operation(), script.shown());
            return new FeatureInstallResult(List.of(), false);
        }
        Answers.Installed installed = runner.run(host, context.step().get(), script, context.timeout(), Answers.Installed.class);
        if (!installed.success()) {
            throw new OperationFailedException(host, script.operation(), "Install-WindowsFeature reported no success");
        }
        return new FeatureInstallResult(installed.installed() == null ? List.of() : installed.installed(), installed.restartNeeded());
    }

    @Override
    public void restart(String host) {
        PowerShellScript script = HostScripts.restart();
        if (context.plan()) {
            context.recorder().record(host, context.step().get(), script.operation(), script.shown());
            return;
        }
        runner.run(host, context.step().get(), script, context.timeout());
    }

    @Override
    public Change ensureDirectory(String host, String path) {
        return change(host, FileScripts.ensureDirectory(path));
    }

    @Override
    public Change ensureShare(String host, String shareName, String path, String fullAccessAccount) {
        return change(host, FileScripts.ensureShare(shareName, path, fullAccessAccount));
    }

    @Override
    public Change grantAccess(String host, String path, String account, String rights) {
        return change(host, FileScripts.grantAccess(path, account, rights));
    }

    @Override
    public List<AccessRule> readAccessRules(String host, String path) {
        Answers.Rules rules = read(host, FileScripts.readAccessRules(path), Answers.Rules.class);
        return rules.rules() == null ? List.of() : rules.rules().stream()
                .map(r -> new AccessRule(r.identity(), r.rights(), r.deny(), r.inherited())).toList();
    }

    @Override
    public Change writeFile(String host, String path, String content) {
        return change(host, FileScripts.writeFile(path, content));
    }

    @Override
    public Optional<String> readFile(String host, String path) {
        Answers.FileContent file = read(host, FileScripts.readFile(path), Answers.FileContent.class);
        return file.exists() ? Optional.ofNullable(file.content()) : Optional.empty();
    }

    @Override
    public Optional<byte[]> readFileBytes(String host, String path) {
        Answers.FileContent file = read(host, FileScripts.readFileBase64(path), Answers.FileContent.class);
        return file.exists() ? Optional.of(java.util.Base64.getDecoder().decode(file.content() == null ? "" : file.content()))
                : Optional.empty();
    }

    @Override
    public boolean fileExists(String host, String path) {
        return read(host, FileScripts.fileExists(path), Answers.FileContent.class).exists();
    }

    @Override
    public List<String> listFiles(String host, String directory) {
        return read(host, FileScripts.listFiles(directory), Answers.Names.class).names();
    }

    @Override
    public List<String> listFilesUnder(String host, String directory) {
        return read(host, FileScripts.listFilesUnder(directory), Answers.Names.class).names();
    }

    /**
     * post-4: reaches a second server through its administrative share, so it goes the inventory's double-hop way
     * ({@link HopRoute}): directly over an SSH password logon, or as a scheduled task with the account's password.
     * A copy on one server (post-10's backups of the web servers' files) stays on it: local paths, no second hop.
     */
    @Override
    public Change copyFile(String host, String sourcePath, String targetHost, String targetPath) {
        if (host.equalsIgnoreCase(targetHost)) {
            return change(host, FileScripts.copyFileLocally(sourcePath, targetPath));
        }
        return change(host, FileScripts.copyFile(sourcePath, FileScripts.administrativeShare(targetHost, targetPath)));
    }

    @Override
    public String sha256(String host, String path) {
        return read(host, FileScripts.sha256(path), Answers.Hash.class).sha256();
    }

    @Override
    public Change expandArchive(String host, String archivePath, String destination) {
        return change(host, FileScripts.expandArchive(archivePath, destination));
    }

    /** The detached commands of this run (same sessions, recorder, plan mode and command timeout). */
    public DetachedCommands detached() {
        return detached;
    }

    @Override
    public ServiceStatus readService(String host, String service) {
        Answers.Service found = read(host, ServiceScripts.readService(service), Answers.Service.class);
        if (!found.exists()) {
            return new ServiceStatus(service, false, null, null, null);
        }
        return new ServiceStatus(service, true, status(found.state()), startType(found.startMode()), found.account());
    }

    @Override
    public Change setServiceStartType(String host, String service, ServiceStatus.StartType startType) {
        String word = switch (startType) {
            case AUTOMATIC -> "Automatic";
            case MANUAL -> "Manual";
            case DISABLED -> "Disabled";
        };
        return change(host, ServiceScripts.setStartType(service, word));
    }

    @Override
    public Change startService(String host, String service) {
        return change(host, ServiceScripts.startService(service));
    }

    @Override
    public Change stopService(String host, String service) {
        return change(host, ServiceScripts.stopService(service));
    }

    @Override
    public int countProcessesRunningAs(String host, String account) {
        return read(host, ServiceScripts.countProcessesRunningAs(account), Answers.Count.class).count();
    }

    @Override
    public FirewallRule.State readFirewallRule(String host, String name) {
        return read(host, FirewallScripts.readRule(name), FirewallRule.State.class);
    }

    @Override
    public Change ensureFirewallRule(String host, FirewallRule rule) {
        return change(host, FirewallScripts.ensureRule(rule));
    }

    /** Runs a reading script (post-7's utility reads too) the way its reach asks. */
    public <T> T read(String host, PowerShellScript script, Class<T> answer) {
        return execute(host, script, answer);
    }

    /** Runs or, in plan mode, records a changing script (post-7's utility changes too). */
    public Change change(String host, PowerShellScript script) {
        if (context.plan()) {
            context.recordPlanned(host, script, Optional.empty());
            return Change.of("current state", "planned: " + script.operation());
        }
        HopRoute route = HopRoute.choose(context.sessions().target(host), script.operation(), script.reach(), Optional.empty());
        Change change = execute(host, script, Answers.Changed.class).toChange();
        if (change.changed()) {
            context.recorder().record(route.host(), context.step().get(), script.operation() + HopRoute.describe(route), script.shown());
        }
        return change;
    }

    /** Runs the script the way its reach and the server's doubleHop ask for, and reads its answer. */
    private <T> T execute(String host, PowerShellScript script, Class<T> answer) {
        HopRoute route = HopRoute.choose(context.sessions().target(host), script.operation(), script.reach(), Optional.empty());
        if (route instanceof HopRoute.ScheduledTask task) {
            String current = context.step().get();
            DetachedStatus.Finished finished = detached.runToEnd(task.host(), current, script, context.timeout(), task);
            if (!finished.succeeded()) {
                throw new OperationFailedException(host, script.operation(), SecretMasker.mask("step " + current
                        + ": '" + script.firstLine() + "' as a scheduled task exited with " + finished.exitCode()
                        + ":\n" + tail(finished.outputTail())));
            }
            return runner.parse(host, current, script, finished.stdoutTail(), answer);
        }
        return runner.run(route.host(), context.step().get(), script, context.timeout(), answer);
    }

    private static String tail(String text) {
        return text.length() <= 800 ? text : "…" + text.substring(text.length() - 800);
    }

    /** Win32_Service's State words. */
    static ServiceStatus.Status status(String state) {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "running" -> ServiceStatus.Status.RUNNING;
            case "start pending" -> ServiceStatus.Status.START_PENDING;
            case "stop pending" -> ServiceStatus.Status.STOP_PENDING;
            default -> ServiceStatus.Status.STOPPED;
        };
    }

    /** Win32_Service's StartMode words. */
    static ServiceStatus.StartType startType(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "auto" -> ServiceStatus.StartType.AUTOMATIC;
            case "disabled" -> ServiceStatus.StartType.DISABLED;
            default -> ServiceStatus.StartType.MANUAL;
        };
    }
}
