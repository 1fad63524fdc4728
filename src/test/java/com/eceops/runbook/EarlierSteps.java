package com.eceops.runbook;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.eceops.runbook.technology.dfs.ReplicationGroupSpec;
import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.SetupRun;
import com.eceops.runbook.technology.reportsdb.BatchFileText;
import com.eceops.runbook.procedure.reportsdb.ReportsDbPlan;
import com.eceops.runbook.technology.reportsdb.ReportsDbPropertiesText;
import com.eceops.runbook.technology.reportsdb.UtilityRun;
import com.eceops.runbook.technology.reportsdb.UtilityStatus;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.technology.sql.AvailabilityGroupSpec;
import com.eceops.runbook.technology.sql.ListenerSpec;
import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;
import com.eceops.runbook.technology.windows.FirewallRule;

/** The lab state the earlier steps leave, made through the lab's operations; each method returns this. */
public record EarlierSteps(String key, String scenario, RehearsalLab lab) {

    public static final String WITNESS = "\\\\CC2K125ECEWA\\ClusterWitness";

    private Estate estate() {
        return lab.estate();
    }

    public String sideA() {
        return estate().sideA().collocated().name();
    }

    public String sideB() {
        return estate().sideB().collocated().name();
    }

    /** pre-1 on the given servers (both when none is named). */
    public EarlierSteps features(String... hosts) {
        List<String> on = hosts.length == 0 ? List.of(sideA(), sideB()) : List.of(hosts);
        for (String host : on) {
            if (lab.windows().installFeatures(host, List.of("FS-DFS-Namespace", "FS-DFS-Replication", "Failover-Clustering"))
                    .restartNeeded()) {
                lab.windows().restart(host);
            }
        }
        return this;
    }

    /** pre-2: service accounts, OU, prestaged CNO and its rights. */
    public EarlierSteps activeDirectory() {
        var ad = lab.activeDirectory();
        var accounts = estate().accounts();
        String ou = estate().domain().organizationalUnit();
        String cno = estate().cluster().name();
        ad.ensureServiceUser(accounts.sqlService().name(), accounts.sqlService().credential());
        ad.ensureServiceUser(accounts.eceService().name(), accounts.eceService().credential());
        ad.ensureOrganizationalUnit(ou);
        ad.prestageClusterNameObject(cno, ou);
        ad.grantFullControlOnComputerObject(cno, accounts.clusterAdmin().name());
        ad.grantCreateDeleteComputerObjects(ou, cno);
        return this;
    }

    /** pre-3: shared directory with its share, SQL data and backup directories. */
    public EarlierSteps directories() {
        var paths = estate().paths();
        String ece = estate().domain().netbios() + "\\" + estate().accounts().eceService().name();
        for (String host : List.of(sideA(), sideB())) {
            lab.windows().ensureDirectory(host, paths.sharedDirectory());
            lab.windows().ensureShare(host, "ECEFile", paths.sharedDirectory(), ece);
            lab.windows().grantAccess(host, paths.sharedDirectory(), ece, "FullControl");
            lab.windows().ensureDirectory(host, paths.sqlData());
            lab.windows().ensureDirectory(host, paths.sqlBackups());
        }
        return this;
    }

    /** pre-4 without the replication test. */
    public EarlierSteps dfs() {
        var dfs = estate().dfs();
        lab.dfs().createDomainNamespace(sideA(), dfs.root(), dfs.localPath());
        lab.dfs().addNamespaceServer(sideB(), dfs.root(), dfs.localPath());
        lab.dfs().createFolderWithTargets(sideA(), dfs.path(), List.of("\\\\" + sideA() + "\\ECEFile", "\\\\" + sideB() + "\\ECEFile"));
        lab.dfs().createReplicationGroup(sideA(), new ReplicationGroupSpec(dfs.folder(), dfs.folder(), List.of(sideA(), sideB()),
                sideA(), true, estate().paths().sharedDirectory()));
        return this;
    }

    /** pre-5: the cluster with a file share witness on web server A. */
    public EarlierSteps cluster() {
        var c = estate().cluster();
        lab.cluster().createCluster(sideA(), c.name(), List.of(sideA(), sideB()),
                List.of(c.ipsBySide().get("a"), c.ipsBySide().get("b")));
        lab.haPersons().provisionWitnessShare(WITNESS, estate().domain().netbios() + "\\" + c.name() + "$");
        lab.cluster().setFileShareWitness(sideA(), WITNESS);
        return this;
    }

    /** pre-6 without DDNS and failover test. */
    public EarlierSteps availabilityGroup() {
        var sql = lab.sql();
        var ag = estate().availabilityGroup();
        String account = estate().domain().netbios() + "\\" + estate().accounts().sqlService().name();
        for (String host : List.of(sideA(), sideB())) {
            sql.enableAlwaysOn(host);
            sql.restartSqlService(host);
            sql.createHadrEndpoint(host, ag.endpointPort());
            sql.grantEndpointConnect(host, account);
            for (int port : List.of(ag.endpointPort(), ag.listenerPort())) {
                lab.windows().ensureFirewallRule(host, new FirewallRule("EceRunbook-" + port, "TCP " + port, port));
            }
        }
        String db = estate().databases().seedingDatabase();
        String backups = estate().paths().sqlBackups() + "\\";
        sql.createDatabase(sideA(), db);
        sql.setRecoveryModel(sideA(), db, RecoveryModel.FULL);
        sql.backupDatabase(sideA(), db, backups + db + ".bak", true);
        sql.backupLog(sideA(), db, backups + db + ".trn");
        sql.createAvailabilityGroup(sideA(), new AvailabilityGroupSpec(ag.name(), List.of(
                new AvailabilityGroupSpec.Replica(sideA(), "TCP://" + estate().fqdn(sideA()) + ":" + ag.endpointPort(), true, true),
                new AvailabilityGroupSpec.Replica(sideB(), "TCP://" + estate().fqdn(sideB()) + ":" + ag.endpointPort(), true, true)),
                "ANY_REPLICA", false, List.of(db)));
        sql.createListener(sideA(), ag.name(), new ListenerSpec(ag.listenerName(),
                List.of(ag.listenerIpsBySide().get("a"), ag.listenerIpsBySide().get("b")), ag.listenerPort()));
        sql.joinAvailabilityGroup(sideB(), ag.name());
        lab.windows().copyFile(sideA(), backups + db + ".bak", sideB(), backups + db + ".bak");
        lab.windows().copyFile(sideA(), backups + db + ".trn", sideB(), backups + db + ".trn");
        sql.restoreDatabase(sideB(), db, backups + db + ".bak", Recovery.NORECOVERY);
        sql.restoreLog(sideB(), db, backups + db + ".trn", Recovery.NORECOVERY);
        sql.joinDatabaseToAvailabilityGroup(sideB(), ag.name(), db);
        return this;
    }

    /** inst-1.1 to inst-2 and post-3 to post-5: ECE installed on both collocated servers, its databases in the group. */
    public EarlierSteps eceDatabasesJoined() {
        var ece = lab.ece();
        String dfs = "\\\\massivedynamic.com\\ECE_Root\\ECE";
        ece.recordSetupRun(sideA(), new com.eceops.runbook.technology.ece.SetupRun(java.util.EnumSet.of(
                com.eceops.runbook.technology.ece.EceComponent.FILE_SERVER, com.eceops.runbook.technology.ece.EceComponent.DATABASE_SERVER),
                java.util.Map.of(com.eceops.runbook.technology.ece.SetupRun.DFS_PATH, dfs,
                        com.eceops.runbook.technology.ece.SetupRun.AUTHENTICATION, "integrated")));
        var sql = lab.sql();
        var ag = estate().availabilityGroup();
        String backups = estate().paths().sqlBackups() + "\\";
        for (String db : estate().databases().eceDatabases()) {
            sql.setRecoveryModel(sideA(), db, RecoveryModel.FULL);
            sql.backupDatabase(sideA(), db, backups + db + ".bak", true);
            sql.backupLog(sideA(), db, backups + db + ".trn");
            lab.windows().copyFile(sideA(), backups + db + ".bak", sideB(), backups + db + ".bak");
            lab.windows().copyFile(sideA(), backups + db + ".trn", sideB(), backups + db + ".trn");
            sql.restoreDatabase(sideB(), db, backups + db + ".bak", Recovery.NORECOVERY);
            sql.restoreLog(sideB(), db, backups + db + ".trn", Recovery.NORECOVERY);
            sql.addDatabaseToAvailabilityGroup(sideA(), ag.name(), db);
            sql.joinDatabaseToAvailabilityGroup(sideB(), ag.name(), db);
        }
        return this;
    }

    /** inst-1.1 to inst-3: both collocated servers with the Cisco service, both web servers. */
    public EarlierSteps eceInstalled() {
        var ece = lab.ece();
        String dfs = estate().dfs().path();
        ece.recordSetupRun(sideA(), new SetupRun(EnumSet.of(EceComponent.FILE_SERVER, EceComponent.DATABASE_SERVER),
                Map.of(SetupRun.DFS_PATH, dfs, SetupRun.AUTHENTICATION, "integrated")));
        var services = EnumSet.of(EceComponent.MESSAGING_SERVER, EceComponent.APPLICATION_SERVER, EceComponent.SERVICES_SERVER);
        Map<String, String> home = Map.of(SetupRun.DFS_PATH, dfs, SetupRun.ECE_HOME, estate().paths().eceHome());
        ece.recordSetupRun(sideA(), new SetupRun(services, home));
        ece.recordSetupRun(sideB(), new SetupRun(services, home));
        for (var web : estate().webServers()) {
            ece.recordSetupRun(web.name(), new SetupRun(EnumSet.of(EceComponent.WEB_SERVER),
                    Map.of(SetupRun.DFS_PATH, dfs, SetupRun.ECE_HOME, estate().paths().webEceHome())));
        }
        return this;
    }

    /** post-2: the Cisco service's first start (which fills the ECE homes) and stop, on both collocated servers. */
    public EarlierSteps ciscoServiceStartedOnce() {
        String service = estate().ece().serviceName();
        for (String host : List.of(sideA(), sideB())) {
            lab.windows().startService(host, service);
        }
        for (String host : List.of(sideA(), sideB())) {
            lab.windows().stopService(host, service);
        }
        return this;
    }

    /** post-7 as the runbook does it, through the lab's operations (side B was secondary at install time). */
    public EarlierSteps reportsDatabase() {
        ReportsDbPlan plan = ReportsDbPlan.of(estate(), Map.<String, Object>of("secondaryReplica", sideB(),
                "secondaryReplicaFqdn", estate().fqdn(sideB()))::get);
        lab.reportsDb().copyDirectory(plan.host(), plan.source(), plan.directory());
        String bat = lab.windows().readFile(plan.host(), plan.batchFile()).orElseThrow();
        lab.windows().writeFile(plan.host(), plan.batchFile(), BatchFileText.withJavaHome(bat, plan.javaHome()));
        String properties = lab.reportsDb().readPropertiesMasked(plan.host(), plan.propertiesFile(), plan.secrets().keySet())
                .orElseThrow();
        lab.reportsDb().writeProperties(plan.host(), plan.propertiesFile(),
                ReportsDbPropertiesText.withValues(properties, plan.properties()), plan.secrets());
        UtilityRun run = lab.reportsDb().startCreateDbObjects(plan.host(), plan.directory());
        if (!(lab.reportsDb().poll(run) instanceof UtilityStatus.Finished)) {
            throw new IllegalStateException("the lab's utility should end at once with zero durations");
        }
        return this;
    }

    /** patch staging: an ES unzipped on side A under {@code directory}, carrying a ReportsDB utility. */
    public EarlierSteps esUnzipped(String directory) {
        String utility = directory + "\\Utilities\\" + ReportsDbPlan.UTILITY_DIRECTORY;
        lab.windows().ensureDirectory(sideA(), utility);
        lab.windows().writeFile(sideA(), utility + "\\" + ReportsDbPlan.BATCH_FILE, "@echo off\r\nSET JAVA_HOME=<JAVA_HOME>\r\n");
        lab.windows().writeFile(sideA(), utility + "\\" + ReportsDbPlan.PROPERTIES_FILE,
                "ECE_HOME_DIR=C:\\\\ECE\r\nSSIS_USER_PASSWORD=\r\nSSIS_CATALOG_PASSWORD=\r\nMAST_DB_NAME=\r\n");
        return this;
    }
}
