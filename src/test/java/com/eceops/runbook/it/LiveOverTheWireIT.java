package com.eceops.runbook.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;
import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;
import com.eceops.runbook.technology.powershell.PowerShellScript;
import com.eceops.runbook.technology.powershell.SshFixture;
import com.eceops.runbook.technology.powershell.WireLabDetached;
import com.eceops.runbook.technology.powershell.WireScript;
import com.eceops.runbook.lab.RehearsalAnswers;
import com.eceops.runbook.technology.cluster.WireLabCluster;
import com.eceops.runbook.technology.dfs.WireLabDfs;
import com.eceops.runbook.technology.windows.WireLabWindows;
import com.eceops.runbook.lab.WireLabHttps;
import com.eceops.runbook.lab.WireLabSql;
import com.eceops.runbook.procedure.availabilitygroup.AvailabilityGroupPlan;
import com.eceops.runbook.technology.sql.WireLabSqlHost;
import com.eceops.runbook.technology.activedirectory.WireLabActiveDirectory;
import com.eceops.runbook.technology.ece.WireLabEce;
import com.eceops.runbook.technology.reportsdb.WireLabReportsDb;
import com.eceops.runbook.technology.sql.WireStatement;
import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.technology.sql.tds.FakeTdsServer;

/**
 * Live runs of the packaged application over the wire: the sample's four servers are in-process SSH servers, its two
 * SQL Server instances (and the listener) in-process TDS servers and ECE's site (each web server and the VIP)
 * in-process HTTPS servers, all answering from one rehearsal lab (the wire lab: {@link WireLabWindows} and the answerers
 * chained behind it, {@link WireLabSql}, {@link WireLabHttps}), reached by their FQDNs through a hosts file, logged on
 * with the estate's credentials. The whole of Install ECE HA runs live through Overthere, mssql-jdbc, Apache HttpClient
 * and the real PowerShell and T-SQL implementations, the persons' work done on the lab as a rehearsal does it; then a
 * patch is scheduled, applied in its window and rolled back. A plan of the same install and patch, answered the same
 * way, records exactly the commands the live runs sent, host by host, as often as they were sent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveOverTheWireIT {

    private static final String ESTATE = "wirelab";
    private static final List<String> COLLOCATED = List.of("CC2K125ECEAA", "CC2K125ECEAB");
    private static final List<String> SERVERS = List.of("CC2K125ECEAA", "CC2K125ECEAB", "CC2K125ECEWA", "CC2K125ECEWB");
    private static final String INSTALL = "InstallEceHa";
    private static final String LISTENER = "CC2K125ECEDB";
    private static final String WITNESS = "\\\\CC2K125ECEWA\\ClusterWitness";
    /** The service accounts' and the SSIS catalog's passwords, which post-7 writes into the utility's properties file. */
    private static final Map<String, String> SECRETS = Map.of("SQL_SERVICE", "wire-Sql-Svc-1!", "ECE_SERVICE", "wire-Ece-Svc-1!",
            "SSIS_CATALOG", "wire-Ssis-Catalog-1!");
    /** The change managers of the four-eyes rule: one registers the patch, the other approves it and decides the rollback. */
    private static final String REQUESTER = "wirealice";
    private static final String APPROVER = "wirebob";
    private static final String PEOPLE_PASSWORD = "wire-Change-Manager-1!";
    /** The patch as the change manager registers it: an archive on side A's E: drive, its two files listed. */
    private static final String PATCH_FILE = "\\\\CC2K125ECEAA\\E$\\Patches\\ES5.zip";
    private static final String PATCH_ARCHIVE = "ES5\\readme.txt\nES5\\setup.bat\n";
    /** The scripts the project renders, by body: rendered once, read back for every command sent and planned. */
    private static final Map<String, String> BODIES = WireScript.knownBodies();
    private static final RehearsalAnswers ANSWERS = RehearsalAnswers.read(Path.of("rehearsals/massivedynamic-answers.yaml"));

    private static final Map<String, FakeWindowsSshServer> servers = new LinkedHashMap<>();
    private static final Map<String, WireLabDetached> detached = new LinkedHashMap<>();
    /** The SQL Server instances of the collocated servers and the listener, which reaches the primary's. */
    private static final Map<String, FakeTdsServer> instances = new LinkedHashMap<>();
    /** ECE's site: each web server and the load balancer's VIP, at their (loopback) addresses on the site's port. */
    private static WireLabHttps site;
    /** The install's plan: the patch's plan continues its lab (an installed estate) and its document. */
    private static String installPlan;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static RehearsalLab lab;
    private static RunbookJar jar;
    private static Path data;

    @BeforeAll
    static void startTheEstateAndTheRunbook() throws Exception {
        Path estates = Files.createTempDirectory("wire-estates");
        data = Files.createTempDirectory("wire-data");
        String sample = Files.readString(Path.of("estates", "massivedynamic.yaml"));
        StringBuilder hosts = new StringBuilder();
        int sitePort = RunbookJar.freePort();
        // The sample's own double-hop route: what reaches a second machine (DFS) runs as a scheduled task registered
        // with the account's password, which the wire lab runs from the uploaded payload. SQL Server takes the sample's
        // Windows login (NTLM as MASSIVE\ECEInstaller) at each instance's static port; TLS is off on the wire (the fake
        // speaks TDS in clear).
        // The estate's addresses become loopback ones (127.10.x.y instead of 14.10.x.y), where the wire lab's web servers
        // and VIP listen.
        String yaml = sample.replace("estate: massivedynamic", "estate: " + ESTATE).replace("live: false", "live: true")
                .replace("14.10.", "127.10.")
                // A live patch reads each server's level from a file the inventory names (Cisco documents none); the
                // site is on a port of its own, so that no privileged port is needed on the test machine.
                .replace("  serviceName: Cisco\n", "  serviceName: Cisco\n  patchLevelFile: 'runbook\\patch-level.txt'\n"
                        + "  httpsPort: " + sitePort + "\n")
                .replace("""
                        connections:               # defaults for every server; a server may override them under "connection:"
                          protocol: winrm-https
                          port: 5986
                          user: ECEInstaller@MASSIVEDYNAMIC.COM
                          credential: cluster-admin
                        """, "connections:\n  protocol: ssh\n  user: " + SshFixture.USER + "\n  credential: cluster-admin\n"
                        + "  hostKeyFingerprint: 'SHA256:none-of-these-servers-is-contacted'\n")
                .replace("    credential: cluster-admin\n    hostNameInCertificate:", "    credential: cluster-admin\n    encrypt: false\n"
                        + "    hostNameInCertificate:");
        for (String host : SERVERS) {
            FakeWindowsSshServer server = new FakeWindowsSshServer(Files.createTempDirectory("wire-" + host),
                    SshFixture.USER, SshFixture.PASSWORD, true);
            servers.put(host, server);
            String sqlPort = "";
            if (COLLOCATED.contains(host)) {
                FakeTdsServer instance = new FakeTdsServer().windowsLogin("MASSIVE", "ECEInstaller", SshFixture.PASSWORD);
                instances.put(host, instance);
                sqlPort = "      sqlPort: " + instance.port() + "\n";
            }
            hosts.append("127.0.0.1 ").append(host).append(".massivedynamic.com\n");
            yaml = yaml.replace("      name: " + host + "\n", "      name: " + host + "\n      connection: { port: "
                    + server.port() + ", hostKeyFingerprint: '" + server.fingerprint() + "' }\n" + sqlPort);
        }
        FakeTdsServer listener = new FakeTdsServer().windowsLogin("MASSIVE", "ECEInstaller", SshFixture.PASSWORD);
        instances.put(LISTENER, listener);
        hosts.append("127.0.0.1 ").append(LISTENER).append(".massivedynamic.com\n");
        yaml = yaml.replace("    name: " + LISTENER + "\n    port: 1433\n", "    name: " + LISTENER + "\n    port: " + listener.port() + "\n");
        assertThat(yaml).contains("protocol: ssh").contains(servers.get("CC2K125ECEAB").fingerprint())
                .contains("sqlPort: " + instances.get("CC2K125ECEAB").port()).contains("port: " + listener.port())
                .contains("encrypt: false");
        Files.writeString(estates.resolve(ESTATE + ".yaml"), yaml);

        RehearsalLabs labs = new RehearsalLabs(new DriverManagerDataSource("jdbc:h2:mem:wirelab-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "sa", ""), (scenario, anchor) -> Instant::now);
        // Real time: an edit must be newer than the file it replaces for DFS Replication to carry it (pre-4.5). The lab
        // holds the wire estate, so that the statements it recognises carry the same ports as those the runbook sends.
        lab = labs.open("wire-1", new EstateRepository(new EstateProperties(estates, Path.of("secrets/none.properties")))
                .load(ESTATE), LabScenario.defaults().withDurationScale(0));
        AvailabilityGroupPlan group = AvailabilityGroupPlan.of(lab.estate());
        // The ECE URL resolves to the VIP; the runbook host trusts the domain's issuing CA, as its trust store would.
        hosts.append(lab.estate().loadBalancer().virtualIp()).append(' ').append(lab.estate().ece().fqdn()).append('\n');
        List<String> addresses = new ArrayList<>(List.of(lab.estate().loadBalancer().virtualIp()));
        lab.estate().webServers().forEach(web -> addresses.add(web.ip()));
        site = new WireLabHttps(lab, addresses, lab.estate().ece().httpsPort());
        Path trust = site.writeTrustStore(Files.createTempFile("wire-trust", ".p12"), "CN=" + lab.estate().domain().netbios() + " Issuing CA");
        Path hostsFile = Files.writeString(Files.createTempFile("wire-hosts", ".txt"), hosts.toString());
        for (String host : SERVERS) {
            WireLabDetached tasks = new WireLabDetached(servers.get(host), new WireLabWindows(host, lab.windows(),
                    new WireLabDfs(host, lab.dfs())::answer, new WireLabCluster(host, lab.cluster())::answer,
                    new WireLabSqlHost(host, lab.sql())::answer,
                    new WireLabActiveDirectory(lab.activeDirectory(), lab.estate().domain().netbios())::answer,
                    new WireLabEce(host, lab.ece(), lab.windows(), lab.estate().ece().serviceName(), lab.estate().ece().patchLevelFile())::answer, new WireLabReportsDb(host, lab.reportsDb())::answer));
            servers.get(host).answers = tasks;
            detached.put(host, tasks);
        }
        instances.forEach((host, instance) -> instance.answers = new WireLabSql(host, lab, group.spec(), group.listener()));

        int port = RunbookJar.freePort();
        Map<String, String> env = new LinkedHashMap<>(RunbookJar.baseEnvironment(data, port));
        env.put("RUNBOOK_ESTATES_DIR", estates.toString());
        env.put("RUNBOOK_SECRET_CLUSTER_ADMIN", SshFixture.PASSWORD);
        // The service accounts' passwords go into post-7's properties file; the lab notes that one was given.
        SECRETS.forEach((name, value) -> env.put("RUNBOOK_SECRET_" + name, value));
        env.put("RUNBOOK_WAITS_LIVEPOLLINTERVAL", "PT1S");
        // The JVM resolves the servers' FQDNs from this file instead of DNS (JDK's jdk.net.hosts.file).
        env.put("JAVA_TOOL_OPTIONS", "-Djdk.net.hosts.file=" + hostsFile + " -Djavax.net.ssl.trustStore=" + trust
                + " -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword=" + WireLabHttps.trustStorePassword());
        jar = RunbookJar.start(env);
        jar.awaitHealthy(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws Exception {
        if (jar != null) {
            jar.close();
        }
        for (FakeWindowsSshServer server : servers.values()) {
            server.close();
        }
        instances.values().forEach(FakeTdsServer::close);
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void aLiveInstallRunsToItsEndOverTheWireAndItsPlanHoldsTheChangesItMade() throws Exception {
        String id = start(INSTALL, "live", ",\"confirmEstateName\":{\"value\":\"" + ESTATE + "\"}");
        awaitEnded(List.of(new Watched(id, "Install ECE HA (live)", true, partitionUrlOfTheSite())), Duration.ofMinutes(8));
        for (String host : COLLOCATED) {
            assertThat(lab.windows().installedFeatures(host)).as(host).contains("FS-DFS-Namespace", "FS-DFS-Replication",
                    "Failover-Clustering");
            assertThat(lab.windows().readAccessRules(host, "E:\\ssis_data")).as(host)
                    .anyMatch(rule -> rule.identity().equalsIgnoreCase("MASSIVE\\SqlServerSvc") && rule.rights().contains("Modify"));
        }
        assertThat(lab.ledger()).extracting(e -> e.operation()).contains("installFeatures", "restart", "ensureDirectory",
                "ensureShare", "grantAccess", "createDomainNamespace", "addNamespaceServer", "createReplicationGroup");
        assertThat(lab.dfs().readReplicationGroup("CC2K125ECEAA", "ECE").fullMesh()).isTrue();
        var cluster = lab.cluster().readCluster("CC2K125ECEAA");
        assertThat(cluster.exists()).isTrue();
        assertThat(cluster.witnessPath()).isEqualToIgnoringCase(WITNESS);
        assertThat(detached.get("CC2K125ECEAA").registered).as("pre-4 reached the other server as scheduled tasks with the"
                + " account's password, the sample's doubleHop").containsKey("with a credential");
        var availabilityGroup = lab.sql().readAvailabilityGroup(LISTENER, AvailabilityGroupPlan.of(lab.estate()).name());
        assertThat(availabilityGroup.healthy()).as(availabilityGroup.toString()).isTrue();
        assertThat(availabilityGroup.listenerName()).isEqualTo(LISTENER);
        assertThat(instances.get("CC2K125ECEAB").received()).as("pre-6 logged in as the sample's Windows account")
                .allMatch(r -> "MASSIVE\\ECEInstaller".equals(r.user()));
        // final-1 to final-6 looked at the site over HTTPS: each web server at its address, then the ECE URL through the VIP,
        // all on the site's port.
        String siteUrl = lab.estate().ece().siteUrl();
        assertThat(siteUrl).endsWith(":" + lab.estate().ece().httpsPort());
        for (String address : List.of(lab.estate().loadBalancer().virtualIp(), lab.estate().webServers().get(0).ip(),
                lab.estate().webServers().get(1).ip())) {
            assertThat(site.received).as("requests reaching " + address).anyMatch(r -> r.startsWith(address + " GET " + siteUrl + "/"));
        }

        String planId = start(INSTALL, "plan", "");
        awaitEnded(List.of(new Watched(planId, "Install ECE HA (plan)", false, partitionUrlOfTheSite())), Duration.ofMinutes(8));
        installPlan = RunbookJar.field(jar.get("/engine-rest/history/process-instance/" + planId).body(), "businessKey");
        assertPlanIsWhatWasSent(installPlan, Marks.START);
    }

    /**
     * A live patch through Schedule a patch: registered and approved by two change managers, staged and preflighted over
     * the wire before its window, applied in the window with the readme's command on each server; the agent cannot log
     * in to the gadget afterwards, the approver decides to roll back, and the rollback restores the databases (the log
     * backup jobs stopped around the re-seed), uninstalls the patch and validates ECE again.
     */
    @Test
    @Order(2)
    void aLivePatchWhoseGadgetFailsIsRolledBackOverTheWire() throws Exception {
        assertThat(lab.sql().readAvailabilityGroup(LISTENER, AvailabilityGroupPlan.of(lab.estate()).name()).healthy())
                .as("the live install before it left a healthy group").isTrue();
        for (String person : List.of(REQUESTER, APPROVER)) {
            HttpResponse<String> created = jar.postJson("/engine-rest/user/create", JSON.writeValueAsString(Map.of(
                    "profile", Map.of("id", person, "firstName", person, "lastName", "Wire", "email", person + "@example.com"),
                    "credentials", Map.of("password", PEOPLE_PASSWORD))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
            assertThat(jar.put("/engine-rest/group/change-managers/members/" + person).statusCode()).isEqualTo(204);
        }
        // The live patch and its plan side by side, for the same window: both wait for it to open. The plan continues
        // the install's plan (its lab is the installed estate), so that one document holds both.
        assertThat(installPlan).as("the install's plan, which the patch's continues").isNotNull();
        Marks before = Marks.now();
        Map<String, String> levels = new LinkedHashMap<>();
        SERVERS.forEach(host -> levels.put(host, lab.ece().readPatchLevel(host)));
        assertThat(levels.values()).as("no server is at the patch's level before it").doesNotContain("ES5");
        LocalDateTime opens = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(75).withNano(0);
        String live = registerPatch("live", opens, null);
        String plan = registerPatch("plan", opens, installPlan);
        awaitEnded(List.of(new Watched(live, "Schedule a patch (live)", true, gadgetFailsThenRollBack()),
                new Watched(plan, "Schedule a patch (plan)", false, gadgetFailsThenRollBack())), Duration.ofMinutes(12));

        for (String run : List.of(live, plan)) {
            String outcome = RunbookJar.field(jar.get("/engine-rest/history/variable-instance?processInstanceId=" + run
                    + "&variableName=patchOutcome").body(), "value");
            assertThat(outcome).as(run).startsWith("rolled back:");
        }
        for (String host : SERVERS) {
            assertThat(detached.get(host).payloads).as(host + ": the readme's command ran there as a detached task")
                    .anyMatch(payload -> payload.contains("setup.bat -silent"));
            assertThat(lab.ece().readPatchLevel(host)).as(host + " after the rollback").isEqualTo(levels.get(host));
        }
        var group = lab.sql().readAvailabilityGroup(LISTENER, AvailabilityGroupPlan.of(lab.estate()).name());
        assertThat(group.healthy()).as(group.toString()).isTrue();
        Map<String, Map<String, Integer>> batches = batchesSent(before);
        assertThat(batches.values().stream().flatMap(sent -> sent.keySet().stream()))
                .as("the pre-patch backups restored on the replicas").anyMatch(sql -> sql.contains("RESTORE DATABASE [eGActiveDB]"));
        for (String host : COLLOCATED) {
            assertThat(batches.get(host).keySet()).as(host + ": the log backup job stopped and started again around the re-seed")
                    .anyMatch(sql -> sql.contains("sp_update_job") && sql.contains("@enabled = 0"))
                    .anyMatch(sql -> sql.contains("sp_update_job") && sql.contains("@enabled = 1"));
        }
        // The install and the patch with its rollback: every command sent to the servers is in the one plan, as often.
        assertPlanIsWhatWasSent(installPlan, Marks.START);
        String document = Files.readString(data.resolve("plans").resolve(installPlan + ".md"));
        assertThat(document).as("the plan a change board approves").contains("This plan is complete and a live run would send"
                + " every command in it").contains("Enable-SqlAlwaysOn").contains("New-NetFirewallRule")
                .contains("@enabled = 0;").contains("@enabled = 1;").contains("RESTORE DATABASE [eGActiveDB]");
        Matcher tsql = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(document);
        int blocks = 0;
        for (; tsql.find(); blocks++) {
            assertThat(tsql.group(1)).as("SQL Server opens files on its own disks only").doesNotContainPattern("\\\\\\\\[^\\\\]+\\\\[A-Za-z]\\$");
        }
        assertThat(blocks).isGreaterThan(20);
    }

    /**
     * Registers the patch as {@link #REQUESTER}, signed in, in {@code mode} (under {@code businessKey} when not null),
     * for a window of three hours from {@code opens} (UTC): the archive on side A's E: drive, its checksum, the
     * readme's command.
     */
    private static String registerPatch(String mode, LocalDateTime opens, String businessKey) throws Exception {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("estate", ESTATE);
        request.put("runMode", mode);
        if ("live".equals(mode)) {
            request.put("confirmEstateName", ESTATE);
        }
        request.put("patchFile", PATCH_FILE);
        request.put("patchChecksum", sha256(PATCH_ARCHIVE));
        request.put("patchReadme", "Stop ECE, run setup.bat -silent on each server in order, merge the key files.");
        request.put("patchInstallCommand", "setup.bat -silent");
        request.put("windowChoice", "explicit");
        request.put("windowStart", opens.format(local));
        request.put("windowEnd", opens.plusHours(3).format(local));
        request.put("windowZone", "UTC");
        Map<String, Object> typed = new LinkedHashMap<>();
        request.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        Map<String, Object> body = new LinkedHashMap<>();
        if (businessKey != null) {
            body.put("businessKey", businessKey);
        }
        body.put("variables", typed);
        HttpResponse<String> started = jar.postJsonAs(REQUESTER, PEOPLE_PASSWORD, "/engine-rest/process-definition/key/SchedulePatch/start",
                JSON.writeValueAsString(body));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return RunbookJar.field(started.body(), "id");
    }

    /**
     * The persons of the patch run: the approval, the readme; after the patch the agent cannot log in to the gadget and
     * the approver decides to roll back; the rest (and the gadget after the rollback) from the answers file.
     */
    private static Map<String, List<Map<String, Object>>> gadgetFailsThenRollBack() {
        Map<String, List<Map<String, Object>>> first = new LinkedHashMap<>();
        first.put("Task_ApprovePatchWindow", new ArrayList<>(List.of(Map.of("decision", "approve",
                "approvalComment", "Approved for the wire lab's window"))));
        // The window opens within the escalation lead time, so the operators are asked at once to chase the approval.
        first.put("Task_ChaseApproval", new ArrayList<>(List.of(Map.of("chaseNotes", "Called the second change manager"))));
        first.put("Task_AcknowledgeReadme", new ArrayList<>(List.of(Map.of("readmeAcknowledged", true))));
        first.put("Task_TestFinesseGadget", new ArrayList<>(List.of(Map.of("gadgetLoginWorked", false,
                "gadgetNotes", "The agent's gadget shows an error after the patch (wire lab)"))));
        first.put("Task_DecideAfterFailedValidation", new ArrayList<>(List.of(Map.of("validationDecision", "rollBack",
                "validationNotes", "The gadget fails for agents: roll back inside the window"))));
        return first;
    }

    /**
     * What the servers received from {@code from} on equals the plan of {@code planKey}: each change script host by
     * host and each T-SQL batch instance by instance, as often as it was sent (the plan says how often a step sends
     * one, "Recorded N times"), secrets masked.
     */
    private static void assertPlanIsWhatWasSent(String planKey, Marks from) throws Exception {
        Map<String, Map<String, Integer>> sent = changesSent(from);
        Map<String, Map<String, Integer>> batches = batchesSent(from);
        Map<String, Map<String, Integer>> plannedScripts = planned(planKey, "powershell");
        assertThat(plannedScripts).as("the plan's change scripts, host by host; differences:\n" + differences(plannedScripts, sent))
                .isEqualTo(sent);
        assertThat(sent.values().stream().mapToInt(Map::size).sum()).isGreaterThan(6);
        Map<String, Map<String, Integer>> plannedBatches = planned(planKey, "sql");
        Map<String, Map<String, Integer>> plannedChecks = verifications(plannedBatches);
        Map<String, Map<String, Integer>> sentChecks = verifications(batches);
        assertThat(plannedBatches).as("the plan's T-SQL, instance by instance; differences:\n" + differences(plannedBatches, batches))
                .isEqualTo(batches);
        assertThat(batches.keySet()).containsExactlyInAnyOrder("CC2K125ECEAA", "CC2K125ECEAB");
        // A backup file's verification changes nothing: the plan shows it where a change sends it to decide (before a
        // restore); the run also sends it from its checks, so every one the plan shows was sent, not as often.
        plannedChecks.forEach((host, checks) -> assertThat(sentChecks.getOrDefault(host, Map.of()).keySet())
                .as(host + ": the verifications the plan shows were sent").containsAll(checks.keySet()));
    }

    /** Takes the backup verifications (RESTORE VERIFYONLY and HEADERONLY) out of {@code batches} and answers them. */
    private static Map<String, Map<String, Integer>> verifications(Map<String, Map<String, Integer>> batches) {
        Map<String, Map<String, Integer>> checks = new TreeMap<>();
        batches.forEach((host, sent) -> sent.entrySet().removeIf(batch -> {
            boolean check = batch.getKey().startsWith("RESTORE VERIFYONLY ") || batch.getKey().startsWith("RESTORE HEADERONLY ");
            if (check) {
                checks.computeIfAbsent(host, h -> new TreeMap<>()).put(batch.getKey(), batch.getValue());
            }
            return check;
        }));
        return checks;
    }

    /** How much each server and instance had received at a moment: what was sent after it is counted from there. */
    private record Marks(Map<String, Integer> scripts, Map<String, Integer> payloads, Map<String, Integer> batches) {

        static final Marks START = new Marks(Map.of(), Map.of(), Map.of());

        static Marks now() {
            Map<String, Integer> scripts = new LinkedHashMap<>();
            Map<String, Integer> payloads = new LinkedHashMap<>();
            Map<String, Integer> batches = new LinkedHashMap<>();
            servers.forEach((host, server) -> scripts.put(host, server.received.size()));
            detached.forEach((host, tasks) -> payloads.put(host, tasks.payloads.size()));
            instances.forEach((host, instance) -> batches.put(host, instance.received().size()));
            return new Marks(scripts, payloads, batches);
        }
    }

    /** final-2 as the operator types it for the wire estate: its site is on a port of its own, which the URL names. */
    private static Map<String, List<Map<String, Object>>> partitionUrlOfTheSite() {
        return new LinkedHashMap<>(Map.of("Task_SetPartitionUrl", new ArrayList<>(List.of(Map.of("partitionUrl",
                lab.estate().ece().siteUrl())))));
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String start(String section, String mode, String more) throws Exception {
        return start(section, mode, more, null);
    }

    private static String start(String section, String mode, String more, String businessKey) throws Exception {
        HttpResponse<String> started = jar.postJson("/engine-rest/process-definition/key/" + section + "/start",
                "{" + (businessKey == null ? "" : "\"businessKey\":\"" + businessKey + "\",") + "\"variables\":{\"estate\":{\"value\":\"" + ESTATE + "\"},\"runMode\":{\"value\":\"" + mode + "\"}" + more + "}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return RunbookJar.field(started.body(), "id");
    }

    /** A run being waited for: its instance, what to call it, whether it is live, the answers it takes first. */
    private record Watched(String id, String what, boolean live, Map<String, List<Map<String, Object>>> first) {
    }

    /**
     * Waits for every run to end, side by side, answering its persons' tasks as they come, over REST (so the forms'
     * server-side checks apply): from the run's {@code first} answers (in order, one each time the task comes), else
     * from the answers file; a change managers' task is completed by {@link #APPROVER}, signed in. In a live run the
     * person's work is done on the wire lab first, as a person would do it on the servers.
     */
    private static void awaitEnded(List<Watched> runs, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        // Sections are called processes of their own: their incidents and tasks are found through the run's key.
        // By instance id: a run's answers are used up as it goes, so the record itself is no stable key.
        Map<String, String> keys = new LinkedHashMap<>();
        for (Watched run : runs) {
            keys.put(run.id(), RunbookJar.field(jar.get("/engine-rest/history/process-instance/" + run.id()).body(), "businessKey"));
        }
        Set<String> ended = new java.util.HashSet<>();
        while (Instant.now().isBefore(deadline)) {
            String incidents = jar.get("/engine-rest/incident").body();
            if (!"[]".equals(incidents)) {
                throw new AssertionError(runs.stream().map(Watched::what).toList() + ": an incident: " + incidents
                        + "\nreceived:\n" + lastScripts());
            }
            boolean answered = false;
            for (Watched run : runs) {
                if (ended.contains(run.id())) {
                    continue;
                }
                if ("COMPLETED".equals(RunbookJar.field(jar.get("/engine-rest/history/process-instance/" + run.id()).body(), "state"))) {
                    ended.add(run.id());
                    continue;
                }
                // One task at a time, the list read afresh: completing one can end another (an approval ends its chase).
                com.fasterxml.jackson.databind.JsonNode open = JSON.readTree(jar.get("/engine-rest/task?processInstanceBusinessKey="
                        + keys.get(run.id())).body());
                if (open.size() > 0) {
                    answer(open.get(0), run.live(), run.first());
                    answered = true;
                }
            }
            if (ended.size() == runs.size()) {
                return;
            }
            if (!answered) {
                Thread.sleep(500);
            }
        }
        StringBuilder where = new StringBuilder();
        for (Watched run : runs) {
            if (!ended.contains(run.id())) {
                where.append(run.what()).append(" did not end in time; where it is: ")
                        .append(jar.get("/engine-rest/process-instance/" + run.id() + "/activity-instances").body())
                        .append("\ntasks: ").append(jar.get("/engine-rest/task?processInstanceBusinessKey=" + keys.get(run.id())).body())
                        .append("\nvariables: ").append(jar.get("/engine-rest/process-instance/" + run.id() + "/variables").body())
                        .append('\n');
            }
        }
        throw new AssertionError(where + "received:\n" + lastScripts());
    }

    private static void answer(com.fasterxml.jackson.databind.JsonNode task, boolean live,
                               Map<String, List<Map<String, Object>>> first) throws Exception {
        String taskId = task.path("id").asText();
        String taskKey = task.path("taskDefinitionKey").asText();
        List<Map<String, Object>> given = first.get(taskKey);
        Map<String, Object> fields = given != null && !given.isEmpty() ? given.remove(0)
                : ANSWERS.forTask(taskKey).orElseThrow(() -> new AssertionError("no answer for " + taskKey));
        if (live) {
            // The person's work on the servers, done on the wire lab as a rehearsal does it on its own lab.
            Map<String, Object> seen = new LinkedHashMap<>();
            JSON.readTree(jar.get("/engine-rest/task/" + taskId + "/variables").body()).fields()
                    .forEachRemaining(v -> seen.put(v.getKey(), JSON.convertValue(v.getValue().path("value"), Object.class)));
            seen.putAll(fields);
            String processKey = task.path("processDefinitionId").asText().split(":")[0];
            lab.doAsPerson(processKey, taskKey, TaskVariables.of(seen));
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        String body = JSON.writeValueAsString(Map.of("variables", variables));
        boolean changeManagers = jar.get("/engine-rest/task/" + taskId + "/identity-links").body().contains("\"change-managers\"");
        HttpResponse<String> done = changeManagers
                ? jar.postJsonAs(APPROVER, PEOPLE_PASSWORD, "/engine-rest/task/" + taskId + "/complete", body)
                : jar.postJson("/engine-rest/task/" + taskId + "/complete", body);
        assertThat(done.statusCode()).as(taskKey + ": " + done.body()).isEqualTo(204);
    }

    /** Every change script the servers ran, directly or as a scheduled task's payload, without the preamble. */
    private static Map<String, Map<String, Integer>> changesSent(Marks from) {
        Map<String, Map<String, Integer>> sent = new TreeMap<>();
        servers.forEach((host, server) -> {
            List<String> ran = new ArrayList<>(server.received.stream().skip(from.scripts().getOrDefault(host, 0))
                    .map(FakeWindowsSshServer.Received::script).toList());
            ran.addAll(detached.get(host).payloads.stream().skip(from.payloads().getOrDefault(host, 0)).toList());
            for (String text : ran) {
                WireScript script = WireScript.recognise(text, BODIES).orElseThrow();
                if (isStarter(script)) {
                    continue;
                }
                if (WireLabWindows.CHANGES.contains(script.operation()) || WireLabDfs.CHANGES.contains(script.operation())
                        || WireLabCluster.CHANGES.contains(script.operation()) || WireLabSqlHost.CHANGES.contains(script.operation())
                        || WireLabActiveDirectory.CHANGES.contains(script.operation()) || WireLabEce.CHANGES.contains(script.operation())
                        || WireLabReportsDb.CHANGES.contains(script.operation())) {
                    String body = text.substring(text.indexOf(PowerShellScript.PREAMBLE) + PowerShellScript.PREAMBLE.length());
                    for (String secret : SECRETS.values()) {
                        body = body.replace(secret, SecretMasker.MASK);
                    }
                    sent.computeIfAbsent(host, h -> new TreeMap<>()).merge(runNamesOut(body), 1, Integer::sum);
                }
            }
        });
        return sent;
    }

    private static final Pattern RUN_NAMES = Pattern.compile("_(PrePatch|Reseed)_\\d{8}-\\d{6}-\\d+(_[0-9a-f]{8})?");

    /**
     * A command with the run's own names put back to one placeholder: the pre-patch and re-seed backup files carry the
     * run key's stamp (and a re-seed a random part), which a plan's run cannot share with the live one's.
     */
    private static String runNamesOut(String command) {
        return RUN_NAMES.matcher(command).replaceAll("_$1_<run>");
    }

    /**
     * Whether a script registers a detached command's scheduled task: its task name is unique to the run (a plan's is
     * not the live run's), so both sides leave it out and compare what the task runs.
     */
    private static boolean isStarter(WireScript script) {
        return script.operation().startsWith("start a detached command");
    }

    /** Each command the plan and the run disagree on, host by host, by its first lines: how often each has it. */
    private static String differences(Map<String, Map<String, Integer>> planned, Map<String, Map<String, Integer>> sent) {
        StringBuilder out = new StringBuilder();
        Set<String> hosts = new java.util.TreeSet<>(planned.keySet());
        hosts.addAll(sent.keySet());
        for (String host : hosts) {
            Map<String, Integer> inPlan = planned.getOrDefault(host, Map.of());
            Map<String, Integer> inRun = sent.getOrDefault(host, Map.of());
            Set<String> commands = new LinkedHashSet<>(inPlan.keySet());
            commands.addAll(inRun.keySet());
            for (String command : commands) {
                int plannedTimes = inPlan.getOrDefault(command, 0);
                int sentTimes = inRun.getOrDefault(command, 0);
                if (plannedTimes != sentTimes) {
                    out.append(host).append(": planned ").append(plannedTimes).append(", sent ").append(sentTimes).append(": ")
                            .append(command.lines().limit(3).toList()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Every T-SQL batch the instances ran that is not a read: what a plan records. */
    private static Map<String, Map<String, Integer>> batchesSent(Marks from) {
        Map<String, Map<String, Integer>> sent = new TreeMap<>();
        instances.forEach((host, instance) -> instance.received().stream().skip(from.batches().getOrDefault(host, 0)).forEach(r -> {
            WireStatement statement = WireStatement.recognise(r.sql(), r.parameters(), Map.of()).orElse(null);
            if (statement == null || !statement.isRead()) {
                sent.computeIfAbsent(host, h -> new TreeMap<>()).merge(runNamesOut(r.sql().strip()), 1, Integer::sum);
            }
        }));
        return sent;
    }

    /** The plan's commands in one language by host, as its Markdown shows them. */
    private static Map<String, Map<String, Integer>> planned(String planKey, String language) throws Exception {
        assertThat(planKey).isNotNull();
        String document = Files.readString(data.resolve("plans").resolve(planKey + ".md"));
        Map<String, Map<String, Integer>> planned = new TreeMap<>();
        Pattern times = Pattern.compile("Recorded (\\d+) times");
        Matcher command = Pattern.compile("\\n#### (\\S+)(?: \\(T-SQL\\))?: [^\\n]*\\n\\n((?:[^`\\n][^\\n]*\\n\\n)*)```" + language
                + "\\n(.*?)```", Pattern.DOTALL).matcher(document);
        while (command.find()) {
            String text = language.equals("sql") ? command.group(3).strip() : command.group(3);
            if (language.equals("powershell") && WireScript.recognise(PowerShellScript.PREAMBLE + text, BODIES)
                    .filter(LiveOverTheWireIT::isStarter).isPresent()) {
                continue;
            }
            Matcher repeated = times.matcher(command.group(2));
            planned.computeIfAbsent(command.group(1), h -> new TreeMap<>())
                    .merge(runNamesOut(text), repeated.find() ? Integer.parseInt(repeated.group(1)) : 1, Integer::sum);
        }
        return planned;
    }

    private static String lastScripts() {
        List<String> last = new ArrayList<>();
        servers.forEach((host, server) -> server.received.stream().skip(Math.max(0, server.received.size() - 3))
                .forEach(r -> last.add(host + ": " + r.script().lines().filter(l -> !l.isBlank()).skip(4).findFirst().orElse(""))));
        instances.forEach((host, instance) -> instance.received().stream().skip(Math.max(0, instance.received().size() - 3))
                .forEach(r -> last.add(host + " (T-SQL): " + r.sql().lines().findFirst().orElse(""))));
        return String.join("\n", last) + "\n" + (jar == null ? "" : jar.consoleText().lines()
                .filter(l -> l.contains("ERROR") || l.contains("failed")).limit(10).reduce("", (a, b) -> a + "\n" + b));
    }
}
