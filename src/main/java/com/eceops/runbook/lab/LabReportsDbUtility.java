package com.eceops.runbook.lab;

import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.technology.reportsdb.BatchFileText;
import com.eceops.runbook.procedure.reportsdb.ReportsDbPlan;
import com.eceops.runbook.technology.reportsdb.ReportsDbPropertiesText;
import com.eceops.runbook.technology.reportsdb.ReportsDbUtilityOperations;
import com.eceops.runbook.technology.reportsdb.UtilityRun;
import com.eceops.runbook.technology.reportsdb.UtilityStatus;
import com.eceops.runbook.technology.sql.AgentJob;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ReportsDB utility in the lab (post-7). The install media of ECE 12.5 and later carries a working copy; an
 * unzipped ES in the lab's files carries one too. A run takes a simulated duration and then writes its log; it
 * succeeds only when the procedure was followed: the Cisco service ran once on the server (its first start copies
 * the files the utility needs, post-2), JAVA_HOME points at the jdk in the shared directory, and the properties
 * name the DFS path and the replica that was secondary at install time, which must still be secondary, with the
 * listener port, the database names, the SSIS path and user and both passwords. Success creates SSISDB (the
 * catalog and the reports objects) on that secondary. Passwords never reach the lab: a given one reads as ******.
 */
final class LabReportsDbUtility implements ReportsDbUtilityOperations {

    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS").withZone(java.time.ZoneOffset.UTC);

    static final String LOGGER = "com.egain.platform.module.reportsdbutility.CreateReportsDB <@> main() <@> ";
    private static final String SSISDB = "SSISDB";
    private static final String BAT = """
            @echo off\r
            REM ReportsDB utility (SQL Server Always ON)\r
            SET JAVA_HOME=<JAVA_HOME>\r
            "%JAVA_HOME%\\bin\\java" -cp "lib\\*" com.egain.platform.module.reportsdbutility.CreateReportsDB %1\r
            """;
    private static final String PROPERTIES = """
            # ReportsDB utility (SQL Server Always ON)\r
            ECE_HOME_DIR=C:\\\\ECE\r
            REPORTS_DB_SERVER_NAME=\r
            REPORTS_DB_LST_PORT=1433\r
            REPORTS_DB_INSTANCE_NAME=\r
            REPORTS_DB_NAME=\r
            ACT_DB_SERVER_NAME=\r
            ACT_DB_LST_PORT=1433\r
            ACT_DB_INSTANCE_NAME=\r
            ACT_DB_NAME=\r
            MAST_DB_NAME=\r
            SSIS_INSTALL_PATH=\r
            SSIS_USER_ID=\r
            SSIS_USER_PASSWORD=\r
            SSIS_CATALOG_PASSWORD=\r
            LOG_LEVEL=INFO\r
            """;

    /** One run of {@code reportsdb_utility.bat createDBObjects}; its outcome is fixed by what it found at the start. */
    static class RunState {
        public String id;
        public String host;
        public String directory;
        public Instant startedAt;
        public Instant endsAt;
        public String server;
        public List<String> problems = new ArrayList<>();
        public boolean ended;
    }

    private final LabContext lab;
    private final LabFileSystem files;
    private final LabSqlServer sql;

    LabReportsDbUtility(LabContext lab, LabSqlServer sql) {
        this.lab = lab;
        this.files = new LabFileSystem(lab);
        this.sql = sql;
    }

    @Override
    public Change copyDirectory(String host, String source, String target) {
        HostState h = lab.reachableHost(host);
        Map<String, String> content = sourceFiles(h.name, source);
        int copied = 0;
        for (Map.Entry<String, String> file : content.entrySet()) {
            String path = target + "\\" + file.getKey();
            if (files.read(h.name, path).isEmpty()) {
                files.ensureDirectory(h.name, path.substring(0, path.lastIndexOf('\\')));
                files.write(h.name, path, file.getValue(), lab.now());
                copied++;
            }
        }
        return copied == 0 ? LabContext.unchanged("directory " + target, "copied")
                : Change.of("files missing", copied + " files copied to " + target);
    }

    /** The utility's files by path relative to the source directory. */
    private Map<String, String> sourceFiles(String host, String source) {
        Estate estate = lab.estate();
        if (LabPaths.under(source, estate.ece().mediaPath())) {
            if (!estate.ece().reportsUtilityOnMedia()) {
                throw lab.refuse(host, "the ReportsDB utility on the ECE " + estate.ece().version() + " install media does"
                        + " not work (a defect of the base release): use the one of the first ES, after patching");
            }
            if (!LabPaths.key(source).equals(LabPaths.key(ReportsDbPlan.mediaSource(estate)))) {
                throw lab.refuse(host, "cannot find path " + source + " on the install media");
            }
            Map<String, String> media = new LinkedHashMap<>();
            media.put(ReportsDbPlan.BATCH_FILE, BAT);
            media.put(ReportsDbPlan.PROPERTIES_FILE, PROPERTIES);
            return media;
        }
        LabPaths.Location where = LabPaths.resolve(lab, host, source);
        HostState h = lab.reachableHost(where.host());
        String root = LabPaths.key(where.localPath());
        Map<String, String> found = new LinkedHashMap<>();
        h.files.forEach((key, file) -> {
            if (key.startsWith(root + "\\")) {
                found.put(file.path.substring(root.length() + 1), file.content);
            }
        });
        if (found.isEmpty()) {
            throw lab.refuse(host, "cannot find path " + source + " because it does not exist");
        }
        return found;
    }

    @Override
    public Change writeProperties(String host, String path, String text, Map<String, CredentialRef> secrets) {
        HostState h = lab.reachableHost(host);
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        for (String key : secrets.keySet()) {
            int at = lines.indexOf(key + "=");
            if (at < 0) {
                throw lab.refuse(h.name, "the properties text has no empty line " + key + "= to put the secret in");
            }
            // The lab never holds a password: it notes that one was given.
            lines.set(at, key + "=" + ReportsDbPropertiesText.MASK);
        }
        return files.write(h.name, path, String.join(text.contains("\r\n") ? "\r\n" : "\n", lines), lab.now());
    }

    @Override
    public Optional<String> readPropertiesMasked(String host, String path, Set<String> secretKeys) {
        return files.read(host, path).map(f -> ReportsDbPropertiesText.masked(f.content, secretKeys));
    }

    @Override
    public UtilityRun startCreateDbObjects(String host, String directory) {
        HostState h = lab.reachableHost(host);
        String bat = files.read(h.name, directory + "\\" + ReportsDbPlan.BATCH_FILE).map(f -> f.content)
                .orElseThrow(() -> lab.refuse(h.name, "'reportsdb_utility.bat' is not recognized as an internal or external"
                        + " command, operable program or batch file (in " + directory + ")"));
        settle();
        boolean running = lab.state().reportsUtilityRuns.values().stream()
                .anyMatch(r -> !r.ended && r.host.equals(h.name) && LabPaths.key(r.directory).equals(LabPaths.key(directory)));
        if (running) {
            throw lab.refuse(h.name, "the ReportsDB utility is already running in " + directory);
        }
        RunState run = new RunState();
        run.id = "reportsdb-" + lab.nextSequence();
        run.host = h.name;
        run.directory = directory;
        run.startedAt = lab.now();
        run.endsAt = lab.now().plus(lab.durations().reportsDbUtility());
        String properties = files.read(h.name, directory + "\\" + ReportsDbPlan.PROPERTIES_FILE).map(f -> f.content).orElse("");
        run.server = check(h, bat, properties, run.problems);
        lab.state().reportsUtilityRuns.put(run.id, run);
        lab.record(h.name, "ReportsDB utility " + run.id, "-", "running until " + run.endsAt);
        return new UtilityRun(h.name, directory, run.id);
    }

    @Override
    public UtilityStatus poll(UtilityRun handle) {
        RunState run = lab.state().reportsUtilityRuns.get(handle.handle());
        if (run == null) {
            throw lab.refuse(handle.host(), "no ReportsDB utility run " + handle.handle());
        }
        lab.reachableHost(run.host);
        settle();
        if (!run.ended) {
            return new UtilityStatus.Running();
        }
        return new UtilityStatus.Finished(0, run.problems.isEmpty() ? "ReportsDB utility finished" : "ReportsDB utility failed");
    }

    @Override
    public Optional<String> readLogTail(String host, String directory) {
        HostState h = lab.reachableHost(host);
        settle();
        String logs = LabPaths.key(directory + "\\logs");
        return h.files.entrySet().stream()
                .filter(e -> LabPaths.parent(e.getKey()).equals(logs) && e.getKey().endsWith("reportsdbutil.log"))
                .map(java.util.Map.Entry::getValue)
                .max(Comparator.comparing((HostState.FileEntry f) -> f.modifiedAt))
                .map(f -> LabPaths.fileName(f.path) + "\n" + tail(f.content, 60));
    }

    /** Runs whose time is up end now: they write their log and, when they worked, create SSISDB. */
    private void settle() {
        for (RunState run : lab.state().reportsUtilityRuns.values()) {
            if (!run.ended && !lab.now().isBefore(run.endsAt)) {
                end(run);
            }
        }
    }

    /**
     * A log line's time as the utility's log4j writes it, to the millisecond and always as wide: Instant's own text
     * drops trailing zeros, so the file's length (which the ledger shows) would depend on the clock's milliseconds.
     */
    private static String stamp(java.time.Instant at) {
        return STAMP.format(at);
    }

    private void end(RunState run) {
        run.ended = true;
        HostState h = lab.host(run.host);
        List<String> log = new ArrayList<>();
        log.add(stamp(run.startedAt) + " INFO  " + LOGGER + "Starting ReportsDB utility: createDBObjects");
        if (run.problems.isEmpty()) {
            SqlInstanceState secondary = lab.state().sql.get(run.server);
            if (!secondary.databases.containsKey(LabContext.key(SSISDB))) {
                sql.addDatabase(secondary, SSISDB, "ONLINE", RecoveryModel.SIMPLE);
                secondary.agentJobs.putIfAbsent(LabContext.key("SSIS Server Maintenance Job"), new AgentJob(
                        "SSIS Server Maintenance Job", "daily 00:00", "EXEC SSISDB.internal.cleanup_server_retention_window"));
                lab.record(secondary.host, "database " + SSISDB, "absent", "ONLINE (SSIS catalog and reports objects)");
            }
            log.add(stamp(run.endsAt) + " INFO  " + LOGGER + "SSIS catalog and reports objects created on " + lab.estate().fqdn(run.server));
            log.add(stamp(run.endsAt) + " INFO  " + LOGGER + "****************** " + ReportsDbPlan.SUCCESS_LINE
                    + " !!! ****************** <@>");
        } else {
            run.problems.forEach(p -> log.add(stamp(run.endsAt) + " ERROR " + LOGGER + p));
            log.add(stamp(run.endsAt) + " ERROR " + LOGGER + "ReportsDB utility failed, see the messages above");
        }
        String logs = run.directory + "\\logs";
        files.ensureDirectory(h.name, logs);
        files.write(h.name, logs + "\\eg_log_" + h.name + "_ReportsDBUtil.log", String.join("\r\n", log) + "\r\n", run.endsAt);
    }

    /** What the utility would stumble over; answers the server the properties name (short name). */
    private String check(HostState h, String bat, String properties, List<String> problems) {
        Estate estate = lab.estate();
        if (!eceHomePopulated(h)) {
            problems.add("files missing from the ECE home on " + h.name + ": the Cisco service has not run there since"
                    + " installation (start, then stop it first, post-2)");
        }
        String javaHome = estate.paths().sharedDirectory() + "\\env\\jdk";
        String setTo = BatchFileText.javaHome(bat).orElse("");
        if (!setTo.equalsIgnoreCase(javaHome)) {
            problems.add("JAVA_HOME is '" + setTo + "', not the jdk " + javaHome + ": java could not be started");
        }
        Map<String, String> values;
        try {
            values = ReportsDbPropertiesText.parse(properties);
        } catch (IllegalArgumentException e) {
            problems.add("reportsdb_utility.properties cannot be read: " + e.getMessage());
            return null;
        }
        expect(problems, values, ReportsDbPropertiesText.ECE_HOME_DIR, estate.dfs().path());
        String port = String.valueOf(estate.availabilityGroup().listenerPort());
        expect(problems, values, ReportsDbPropertiesText.REPORTS_DB_LST_PORT, port);
        expect(problems, values, ReportsDbPropertiesText.ACT_DB_LST_PORT, port);
        expect(problems, values, ReportsDbPropertiesText.REPORTS_DB_NAME, estate.databases().reportsDatabase());
        expect(problems, values, ReportsDbPropertiesText.ACT_DB_NAME, estate.databases().activeDatabase());
        expect(problems, values, ReportsDbPropertiesText.SSIS_INSTALL_PATH, estate.paths().ssisDirectory());
        expect(problems, values, ReportsDbPropertiesText.SSIS_USER_ID,
                estate.domain().netbios() + "\\" + estate.accounts().sqlService().name());
        for (String secret : ReportsDbPropertiesText.SECRET_KEYS) {
            if (values.getOrDefault(secret, "").isEmpty()) {
                problems.add(secret + " is empty: login failed");
            }
        }
        String reports = values.getOrDefault(ReportsDbPropertiesText.REPORTS_DB_SERVER_NAME, "");
        String active = values.getOrDefault(ReportsDbPropertiesText.ACT_DB_SERVER_NAME, "");
        if (!reports.equalsIgnoreCase(active)) {
            problems.add("REPORTS_DB_SERVER_NAME " + reports + " and ACT_DB_SERVER_NAME " + active + " differ");
        }
        return secondaryNamed(reports, problems);
    }

    private String secondaryNamed(String name, List<String> problems) {
        Estate estate = lab.estate();
        String server = name.isEmpty() ? "" : LabContext.shortName(name);
        boolean collocated = estate.collocatedServers().stream().anyMatch(s -> LabContext.key(s.name()).equals(server));
        if (!collocated || !name.equalsIgnoreCase(estate.fqdn(estate.server(server).orElseThrow().name()))) {
            problems.add("cannot connect to '" + name + "': not the fully qualified name of a collocated server");
            return null;
        }
        AgLabState ag = lab.state().availabilityGroup;
        AgLabState.Replica replica = ag == null ? null : ag.replicas.get(server);
        if (replica == null || !"SECONDARY".equals(replica.role)) {
            problems.add(name + " is not the secondary replica now: fail the availability group back to its"
                    + " configuration at install time");
        }
        if (server.equals(lab.state().eceDatabasesCreatedOn)) {
            problems.add(name + " was the primary replica at install time; the utility needs the one that was secondary");
        }
        return server;
    }

    private static void expect(List<String> problems, Map<String, String> values, String key, String wanted) {
        String actual = values.getOrDefault(key, "");
        if (!actual.equalsIgnoreCase(wanted)) {
            problems.add(key + " is '" + actual + "', expected '" + wanted + "'");
        }
    }

    /** The first start of the Cisco service copies the files from DFS into the ECE home once it is fully up. */
    /**
     * The Cisco service has started there once (post-2): its processes reached what the document calls started
     * (20 on the server that started first, 9 on the other), whether it still runs or was stopped since.
     */
    private boolean eceHomePopulated(HostState h) {
        ServiceState cisco = h.services.get(LabContext.key(lab.estate().ece().serviceName()));
        if (cisco == null || cisco.startedAt == null) {
            return false;
        }
        var counts = lab.estate().ece().ciscoProcesses();
        int started = cisco.processTarget >= LabServices.MAIN_SIDE_PROCESSES ? counts.mainServer() : counts.otherServer();
        return cisco.processesReached(lab.now()) >= Math.min(started, cisco.processTarget);
    }

    private static String tail(String text, int lines) {
        List<String> all = List.of(text.split("\r?\n"));
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
