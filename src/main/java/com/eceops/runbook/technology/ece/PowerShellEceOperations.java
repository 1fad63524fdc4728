package com.eceops.runbook.technology.ece;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.Answers;
import com.eceops.runbook.technology.powershell.DetachedCommands;
import com.eceops.runbook.technology.powershell.DetachedHandle;
import com.eceops.runbook.technology.powershell.DetachedStatus;
import com.eceops.runbook.technology.powershell.PowerShellScript;
import com.eceops.runbook.technology.windows.PowerShellWindowsOperations;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.Supplier;

import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.technology.ece.EceInstallation;
import com.eceops.runbook.technology.ece.EmailProcess;
import com.eceops.runbook.technology.ece.PatchInstallStatus;
import com.eceops.runbook.technology.ece.EceOperations;
import com.eceops.runbook.technology.ece.LoginPage;
import com.eceops.runbook.technology.ece.SetupRun;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.web.HttpAnswer;
import com.eceops.runbook.technology.web.WebEndpointOperations;

/**
 * {@link EceOperations} on real servers. ECE has no management interface of its own to ask; what can be checked
 * from outside is checked, and what cannot is said so:
 * <ul>
 *   <li>the installation from its traces: the Cisco service, the ECE home the inventory names, and the web server's
 *       gadget file ({@code ece_config.js}) that only the Web Server component installs;</li>
 *   <li>setup is run by a person, so {@link #recordSetupRun} records nothing: it verifies those traces;</li>
 *   <li>configuration files are read and written in their own encoding, with read-back;</li>
 *   <li>the login page is fetched from the runbook host ({@link WebEndpointOperations});</li>
 *   <li>the patch level is not recorded anywhere Cisco documents: it is read from the file the inventory names
 *       ({@code ece.patchLevelFile}), or {@link #readPatchLevel} fails and says so;</li>
 *   <li>the patch installer runs as a detached command ({@link DetachedCommands}), polled by the model;</li>
 *   <li>the email processes live in ECE's console only: {@link #readEmailProcesses} answers none, which the
 *       process reads as "not readable" and leaves to the operator's confirmation.</li>
 * </ul>
 */
public class PowerShellEceOperations implements EceOperations {

    /** The Cisco service's components; the file and database server components leave no trace this can read. */
    static final Set<EceComponent> CISCO_SERVICE_COMPONENTS =
            EnumSet.of(EceComponent.MESSAGING_SERVER, EceComponent.APPLICATION_SERVER, EceComponent.SERVICES_SERVER);

    protected final PowerShellWindowsOperations windows;
    protected final Supplier<String> step;
    protected final Estate estate;
    /** "The installer takes a while": a patch installer still going after two hours is stopped by Task Scheduler. */
    static final Duration INSTALL_LIMIT = Duration.ofHours(2);

    private final WebEndpointOperations web;
    private final boolean plan;
    private final Map<String, DetachedHandle> installers;

    public PowerShellEceOperations(ScriptContext context, Estate estate, WebEndpointOperations web) {
        this(context, estate, web, new ConcurrentHashMap<>());
    }

    /**
     * {@code installers} keeps the detached patch installer of each host between a start and its polls; the caller
     * keeps one map per run (a handle holds only names, but the interface polls by host).
     */
    public PowerShellEceOperations(ScriptContext context, Estate estate, WebEndpointOperations web,
                                   Map<String, DetachedHandle> installers) {
        this.installers = installers;
        this.windows = new PowerShellWindowsOperations(context);
        this.step = context.step();
        this.estate = estate;
        this.web = web;
        this.plan = context.plan();
    }

    @Override
    public EceInstallation readInstallation(String host) {
        String home = eceHome(host);
        EceAnswers.Installation found = windows.read(host, EceScripts.readInstallation(estate.ece().serviceName(), home,
                EceConfigFile.ECE_CONFIG_JS.relativePath()), EceAnswers.Installation.class);
        Set<EceComponent> components = EnumSet.noneOf(EceComponent.class);
        if (found.servicePresent()) {
            components.addAll(CISCO_SERVICE_COMPONENTS);
        }
        if (found.webServerFilePresent()) {
            components.add(EceComponent.WEB_SERVER);
        }
        return new EceInstallation(server(host).name(), components, found.homePresent() ? home : null, found.servicePresent());
    }

    /**
     * A person ran setup; nothing is recorded on a real server. The call verifies instead that setup left what the
     * run chose (as far as it leaves traces) and answers "no change", or fails naming what is missing.
     */
    @Override
    public Change recordSetupRun(String host, SetupRun run) {
        if (plan) {
            return Change.none("setup is run by a person; a plan has nothing to record");
        }
        EceInstallation installation = readInstallation(host);
        Set<EceComponent> traceable = EnumSet.copyOf(CISCO_SERVICE_COMPONENTS);
        traceable.add(EceComponent.WEB_SERVER);
        List<EceComponent> missing = run.components().stream()
                .filter(traceable::contains).filter(c -> !installation.components().contains(c)).toList();
        if (!missing.isEmpty() || installation.eceHome() == null) {
            throw new OperationFailedException(host, "verify the ECE setup run", "setup left no trace of "
                    + (missing.isEmpty() ? "the ECE home " + eceHome(host) : missing) + "; run setup again");
        }
        return Change.none("ECE components " + installation.components() + " (setup is run by a person; verified, not recorded)");
    }

    @Override
    public String readConfigFile(String host, EceConfigFile file) {
        Answers.FileContent content = windows.read(host, EceScripts.readConfigFile(configPath(host, file)), Answers.FileContent.class);
        return content.content() == null ? "" : content.content();
    }

    @Override
    public Change writeConfigFile(String host, EceConfigFile file, String content) {
        return windows.change(host, EceScripts.writeConfigFile(configPath(host, file), content));
    }

    /**
     * Cisco documents no place on a server where ECE records its installed ES. With {@code ece.patchLevelFile} the
     * inventory names one (below the ECE home): the last "ES<n>" in it is the level, none means the base release.
     * Without it the read stops and says so, rather than guess.
     */
    @Override
    public String readPatchLevel(String host) {
        String file = estate.ece().patchLevelFile();
        if (file == null) {
            throw new OperationFailedException(host, "read the ECE patch level", "Cisco documents no place on the server"
                    + " where ECE records its installed ES; name the file that does in the inventory (ece.patchLevelFile),"
                    + " or check the ES against the readme by hand");
        }
        String path = configPath(host, file);
        String content = windows.readFile(host, path).orElseThrow(() -> new OperationFailedException(host,
                "read the ECE patch level", "no " + path + " (ece.patchLevelFile)"));
        return patchLevelIn(content);
    }

    private static final java.util.regex.Pattern ES = java.util.regex.Pattern.compile("(?i)\\bES\\s*(\\d{1,3})\\b");

    /** The last ES named in the text, as "ES<n>"; {@link #BASE_RELEASE} when it names none. */
    static String patchLevelIn(String content) {
        java.util.regex.Matcher matcher = ES.matcher(content == null ? "" : content);
        String level = BASE_RELEASE;
        while (matcher.find()) {
            level = "ES" + Integer.parseInt(matcher.group(1));
        }
        return level;
    }

    /** From the runbook host, like final-5: the URL the agents use, through the load balancer. */
    @Override
    public LoginPage readLoginPage(String partition) {
        // The partition URL as the document gives it (https://<fqdn>/<partition>), as the lab and the final notes use it.
        String url = estate.ece().siteUrl() + "/" + partition;
        HttpAnswer answer = web.get(url, Map.of());
        return new LoginPage(url, answer.status(), answer.body());
    }

    /**
     * Starts the readme's command detached in the patch's folder, as the connected account (the files it patches
     * are local). A run of the same patch on the host that still goes changes nothing.
     */
    @Override
    public Change startPatchInstall(String host, String patch, String folder, String command) {
        PowerShellScript payload = EceScripts.runPatchInstaller(patch, folder, command);
        DetachedHandle earlier = installers.get(key(host));
        if (!plan && earlier != null && earlier.operation().equals(payload.operation())
                && windows.detached().poll(earlier) instanceof DetachedStatus.Running) {
            return Change.none("installer of " + patch + " running");
        }
        installers.put(key(host), windows.detached().start(host, step.get(), payload, INSTALL_LIMIT));
        return Change.of("no installer running", "installer of " + patch + " started");
    }

    /**
     * One look at the host's installer. A finished run that succeeded is cleaned up; a failed one is left for a look.
     * A lost run (killed, the server restarted) counts as finished with exit code -1 and the reason. No handle (none
     * started in this run, or the runbook restarted since) is "not started".
     */
    @Override
    public PatchInstallStatus pollPatchInstall(String host) {
        DetachedHandle handle = installers.get(key(host));
        if (handle == null) {
            return new PatchInstallStatus(PatchInstallStatus.State.NOT_STARTED, 0, "");
        }
        DetachedStatus status = windows.detached().poll(handle);
        if (status instanceof DetachedStatus.Finished finished) {
            if (finished.succeeded()) {
                windows.detached().cleanUp(handle);
            }
            return new PatchInstallStatus(PatchInstallStatus.State.FINISHED, finished.exitCode(), finished.outputTail());
        }
        if (status instanceof DetachedStatus.Lost lost) {
            return new PatchInstallStatus(PatchInstallStatus.State.FINISHED, -1, lost.reason());
        }
        return PatchInstallStatus.running();
    }

    /**
     * ECE keeps its email processes in its own console and documents no remote way to read them: the answer is
     * none, which the patch process reports as "not readable" and leaves to the operator's confirmation.
     */
    @Override
    public List<EmailProcess> readEmailProcesses() {
        return List.of();
    }

    private static String key(String host) {
        return host.toUpperCase(Locale.ROOT);
    }

    private String configPath(String host, String relative) {
        return eceHome(host) + "\\" + relative;
    }

    private String configPath(String host, EceConfigFile file) {
        return configPath(host, file.relativePath());
    }

    /** The ECE home of the server: its own, or the inventory's for collocated or web servers. */
    protected String eceHome(String host) {
        Server server = server(host);
        return server.eceHome() != null ? server.eceHome()
                : server.collocated() ? estate.paths().eceHome() : estate.paths().webEceHome();
    }

    private Server server(String host) {
        return estate.server(host).orElseThrow(() -> new OperationFailedException(host, "find the server",
                host + " is not a server of estate " + estate.name()));
    }
}
