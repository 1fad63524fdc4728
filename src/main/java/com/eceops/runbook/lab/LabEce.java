package com.eceops.runbook.lab;

import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.technology.ece.EceInstallation;
import com.eceops.runbook.technology.ece.EceOperations;
import com.eceops.runbook.technology.ece.LoginPage;
import com.eceops.runbook.technology.ece.SetupRun;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.technology.sql.AgentJob;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;
import com.eceops.runbook.technology.windows.ServiceStatus;
import com.eceops.runbook.technology.ece.EmailProcess;
import com.eceops.runbook.technology.ece.PatchInstallStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ECE in the lab. Setup is a person's job; recording a run leaves behind what the installer would: the ECE
 * databases and SSISDB on the AG primary (Database Server), the Cisco service (Messaging, Application,
 * Services), the web files (Web Server).
 */
final class LabEce implements EceOperations {

    private static final Set<EceComponent> CISCO_SERVICE_COMPONENTS =
            EnumSet.of(EceComponent.MESSAGING_SERVER, EceComponent.APPLICATION_SERVER, EceComponent.SERVICES_SERVER);

    private final LabContext lab;
    private final LabFileSystem files;
    private final LabServices services;
    private final LabSqlServer sql;

    LabEce(LabContext lab, LabSqlServer sql) {
        this.lab = lab;
        this.files = new LabFileSystem(lab);
        this.services = new LabServices(lab);
        this.sql = sql;
    }

    @Override
    public EceInstallation readInstallation(String host) {
        HostState h = lab.reachableHost(host);
        EceHostState ece = lab.state().ece.get(h.name);
        return new EceInstallation(h.name, Set.copyOf(ece.components), ece.eceHome,
                h.services.containsKey(LabContext.key(lab.estate().ece().serviceName())));
    }

    @Override
    public Change recordSetupRun(String host, SetupRun run) {
        HostState h = lab.reachableHost(host);
        EceHostState ece = lab.state().ece.get(h.name);
        Set<EceComponent> missing = EnumSet.noneOf(EceComponent.class);
        run.components().stream().filter(c -> !ece.components.contains(c)).forEach(missing::add);
        if (missing.isEmpty()) {
            return LabContext.unchanged("ECE components", ece.components);
        }
        String authentication = run.settings().get(SetupRun.AUTHENTICATION);
        if (authentication != null && !authentication.equalsIgnoreCase("integrated")) {
            throw lab.refuse(h.name, "ECE HA supports only Integrated Authentication, not " + authentication);
        }
        String dfsPath = run.settings().get(SetupRun.DFS_PATH);
        if (dfsPath != null) {
            LabPaths.resolve(lab, h.name, dfsPath);
        }
        String home = run.settings().get(SetupRun.ECE_HOME);
        boolean needsHome = missing.stream().anyMatch(c -> CISCO_SERVICE_COMPONENTS.contains(c) || c == EceComponent.WEB_SERVER);
        if (needsHome && home == null) {
            throw lab.refuse(h.name, "setup needs the ECE home directory (" + SetupRun.ECE_HOME + ")");
        }
        if (home != null && LabPaths.under(home, lab.estate().paths().sharedDirectory())) {
            throw lab.refuse(h.name, "the ECE home " + home + " must never be the shared directory (inst-1.2)");
        }
        if (missing.contains(EceComponent.DATABASE_SERVER)) {
            installDatabases(h);
        }
        if (needsHome) {
            files.ensureDirectory(h.name, home);
            ece.eceHome = home;
        }
        if (missing.stream().anyMatch(CISCO_SERVICE_COMPONENTS::contains)
                && !h.services.containsKey(LabContext.key(lab.estate().ece().serviceName()))) {
            String account = lab.estate().domain().netbios() + "\\" + lab.estate().accounts().eceService().name();
            services.create(h, lab.estate().ece().serviceName(), account, ServiceStatus.StartType.AUTOMATIC);
        }
        if (missing.contains(EceComponent.WEB_SERVER)) {
            installWebFiles(h, home);
        }
        Set<EceComponent> before = EnumSet.noneOf(EceComponent.class);
        before.addAll(ece.components);
        ece.components.addAll(missing);
        // In the components' own order, whichever order the setup runs named them in.
        Set<EceComponent> after = EnumSet.noneOf(EceComponent.class);
        after.addAll(ece.components);
        return lab.record(h.name, "ECE components", before, after);
    }

    private void installDatabases(HostState h) {
        AgLabState ag = lab.state().availabilityGroup;
        if (ag == null || ag.listenerName == null) {
            throw lab.refuse(h.name, "the database server is the AG listener, and there is none yet (pre-6.3)");
        }
        SqlInstanceState primary = sql.instance(ag.primary());
        if (lab.state().eceDatabasesCreatedOn == null) {
            lab.state().eceDatabasesCreatedOn = primary.host;
        }
        var names = lab.estate().databases();
        for (String db : java.util.List.of(names.activeDatabase(), names.masterDatabase(), names.reportsDatabase(), "SSISDB")) {
            if (!primary.databases.containsKey(LabContext.key(db))) {
                sql.addDatabase(primary, db, "ONLINE", RecoveryModel.SIMPLE);
            }
        }
        primary.agentJobs.putIfAbsent(LabContext.key("SSIS Server Maintenance Job"),
                new AgentJob("SSIS Server Maintenance Job", "daily 00:00", "EXEC SSISDB.internal.cleanup_server_retention_window"));
    }

    private void installWebFiles(HostState h, String home) {
        for (String dir : new String[] {"eService\\templates\\finesse\\gadget\\agent", "eService\\templates\\finesse\\gadget\\layout",
                "eService\\templates\\finesse\\gadget\\spog"}) {
            files.ensureDirectory(h.name, home + "\\" + dir);
        }
        files.writeLocal(h, home + "\\" + EceConfigFile.ECE_CONFIG_JS.relativePath(),
                "var web_server_protocol = \"http\";\nvar web_server_name = \"" + h.name + "\";\n", lab.now());
        files.writeLocal(h, home + "\\" + EceConfigFile.AGENT_XML.relativePath(),
                "<gadget>http://" + h.name + "/ece/finesse/gadget/agent/agent.xml</gadget>\n", lab.now());
        files.writeLocal(h, home + "\\" + EceConfigFile.SPOG_CONFIG_JS.relativePath(),
                "var web_server_name = \"" + h.name + "\";\n", lab.now());
        if (!h.services.containsKey("W3SVC")) {
            services.create(h, "W3SVC", "LocalSystem", ServiceStatus.StartType.AUTOMATIC).startedAt = lab.now();
        }
    }

    @Override
    public String readConfigFile(String host, EceConfigFile file) {
        HostState h = lab.reachableHost(host);
        String path = configPath(h, file);
        return files.read(h.name, path).map(f -> f.content)
                .orElseThrow(() -> lab.refuse(h.name, "no " + path));
    }

    @Override
    public Change writeConfigFile(String host, EceConfigFile file, String content) {
        HostState h = lab.reachableHost(host);
        return files.write(h.name, configPath(h, file), content, lab.now());
    }

    private String configPath(HostState h, EceConfigFile file) {
        String home = lab.state().ece.get(h.name).eceHome;
        if (home == null) {
            throw lab.refuse(h.name, "ECE is not installed on " + h.name);
        }
        return home + "\\" + file.relativePath();
    }

    @Override
    public String readPatchLevel(String host) {
        HostState h = lab.reachableHost(host);
        EceHostState ece = lab.state().ece.get(h.name);
        if (ece.components.isEmpty()) {
            throw lab.refuse(h.name, "ECE is not installed on " + h.name);
        }
        return ece.patches.isEmpty() ? BASE_RELEASE : ece.patches.get(ece.patches.size() - 1);
    }

    /** The partition answers once a web server is up and its application server's Cisco service has all processes. */
    @Override
    public LoginPage readLoginPage(String partition) {
        for (Server web : lab.estate().webServers()) {
            if (answers(web) && applicationServerStarted(web)) {
                return loginPageOn(web, partition);
            }
        }
        return new LoginPage(loginUrl(partition), 503, "<html>Service Unavailable</html>");
    }

    private String loginUrl(String partition) {
        var ece = lab.estate().ece();
        return ece.siteUrl() + "/" + partition;
    }

    /** Whether the web server answers at all: up, with the Web Server component installed. */
    boolean answers(Server web) {
        HostState h = lab.host(web.name());
        return h.reachableAt(lab.now()) && lab.state().ece.get(h.name).components.contains(EceComponent.WEB_SERVER);
    }

    private boolean applicationServerStarted(Server web) {
        HostState app = lab.host(web.applicationServer());
        ServiceState cisco = app.services.get(LabContext.key(lab.estate().ece().serviceName()));
        return cisco != null && cisco.running() && cisco.processes(lab.now()) >= cisco.processTarget && app.reachableAt(lab.now());
    }

    /**
     * What one answering web server shows for a partition's login page; the lab's load balancer asks each of its
     * backends this way. ECE's web server has its own error handling: with its application server away it still
     * answers 200, with an error text instead of the login form (why final-5 wants a health check on content).
     */
    LoginPage loginPageOn(Server web, String partition) {
        var ece = lab.estate().ece();
        String url = loginUrl(partition);
        boolean knownPartition = partition.equalsIgnoreCase(ece.partition()) || partition.equalsIgnoreCase("system");
        if (!applicationServerStarted(web)) {
            return new LoginPage(url, 200, "<html><title>Enterprise Chat and Email</title>Service Unavailable</html>");
        }
        if (knownPartition) {
            return new LoginPage(url, 200, "<html><title>Enterprise Chat and Email</title><form id=\"login\" method=\"post\">"
                    + "<input name=\"username\"><input type=\"password\" name=\"password\">partition " + partition
                    + "</form></html>");
        }
        return new LoginPage(url, 404, "<html>partition " + partition + " not found</html>");
    }

    @Override
    public Change startPatchInstall(String host, String patch, String folder, String command) {
        HostState h = lab.reachableHost(host);
        EceHostState ece = lab.state().ece.get(h.name);
        if (ece.components.isEmpty()) {
            throw lab.refuse(h.name, "ECE is not installed on " + h.name);
        }
        if (!files.directoryExists(h, folder)) {
            throw lab.refuse(h.name, "the patch is not unzipped in " + folder + " (patch-1.1)");
        }
        if (patch.equals(ece.installerPatch) && ece.installerExitCode == null) {
            return LabContext.unchanged("patch installer", "running " + patch);
        }
        String before = ece.installerPatch == null ? "idle" : "ended " + ece.installerPatch;
        ece.installerPatch = patch;
        ece.installerStartedAt = lab.now();
        ece.installerExitCode = null;
        ece.installerOutput = null;
        return lab.record(h.name, "patch installer", before, "running " + command + " in " + folder);
    }

    /**
     * The installer ends after the scenario's {@code patchInstall} duration. Like the real one, it fails (exit
     * code 1) where the Cisco service still runs, and then leaves the level as it was.
     */
    @Override
    public PatchInstallStatus pollPatchInstall(String host) {
        HostState h = lab.reachableHost(host);
        EceHostState ece = lab.state().ece.get(h.name);
        if (ece.installerPatch == null) {
            return new PatchInstallStatus(PatchInstallStatus.State.NOT_STARTED, 0, "");
        }
        if (ece.installerExitCode == null) {
            if (lab.now().isBefore(ece.installerStartedAt.plus(lab.durations().patchInstall()))) {
                return PatchInstallStatus.running();
            }
            ServiceState cisco = h.services.get(LabContext.key(lab.estate().ece().serviceName()));
            if (cisco != null && cisco.running()) {
                ece.installerExitCode = 1;
                ece.installerOutput = "The " + lab.estate().ece().serviceName() + " service is running. Stop it and run the installer again.";
                lab.record(h.name, "patch installer", "running " + ece.installerPatch, "failed");
            } else {
                LabEcePatches.install(lab, h, ece.installerPatch);
                ece.installerExitCode = 0;
                ece.installerOutput = ece.installerPatch + " installed successfully.";
                lab.record(h.name, "patch installer", "running " + ece.installerPatch, "ended");
            }
        }
        return new PatchInstallStatus(PatchInstallStatus.State.FINISHED, ece.installerExitCode, ece.installerOutput);
    }

    @Override
    public List<EmailProcess> readEmailProcesses() {
        return emailProcesses(lab).stream()
                .map(p -> new EmailProcess(p.scope, p.kind, p.name, p.startType, p.state)).toList();
    }

    /** The lab's email processes: a Dispatcher and a Retriever in the system partition and as business partition instances. */
    static List<EmailProcessState> emailProcesses(LabContext lab) {
        if (lab.state().emailProcesses == null) {
            String partition = lab.estate().ece().partition();
            lab.state().emailProcesses = new java.util.ArrayList<>(List.of(
                    EmailProcessState.of("system", "Dispatcher", "Dispatcher process"),
                    EmailProcessState.of("system", "Retriever", "Retriever process"),
                    EmailProcessState.of(partition, "Dispatcher", "Dispatcher instance"),
                    EmailProcessState.of(partition, "Retriever", "Retriever instance")));
        }
        return lab.state().emailProcesses;
    }
}
