package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.AG;
import static com.eceops.runbook.lab.LabFixtures.B;
import static com.eceops.runbook.lab.LabFixtures.CNO;
import static com.eceops.runbook.lab.LabFixtures.OU;

import com.eceops.runbook.technology.dfs.ReplicationGroupSpec;
import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.SetupRun;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.technology.windows.FirewallRule;
import com.eceops.runbook.technology.sql.AvailabilityGroupSpec;
import com.eceops.runbook.technology.sql.ListenerSpec;
import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The procedure's steps as a delegate sequence would call them, written so that running it again on a
 * finished lab is a no-op (the way the BPMN process checks before it acts).
 */
public final class LabProcedure {

    static final String BACKUPS = "F:\\MSSQL\\Backups\\";
    static final String SQL_SERVICE = "MASSIVE\\SqlServerSvc";

    private final RehearsalLab lab;

    public LabProcedure(RehearsalLab lab) {
        this.lab = lab;
    }

    void activeDirectory() {
        var ad = lab.activeDirectory();
        ad.ensureServiceUser("SqlServerSvc", new CredentialRef("sql-service"));
        ad.ensureServiceUser("ECESvc", new CredentialRef("ece-service"));
        ad.ensureOrganizationalUnit(OU);
        ad.prestageClusterNameObject(CNO, OU);
        ad.grantFullControlOnComputerObject(CNO, "ECEInstaller");
        ad.grantCreateDeleteComputerObjects(OU, CNO);
        for (String spn : List.of("MSSQLSvc/CC2K125ECEDB.massivedynamic.com:1433", "MSSQLSvc/CC2K125ECEDB.massivedynamic.com:MSSQLSERVER",
                "MSSQLSvc/CC2K125ECEDB:1433", "MSSQLSvc/CC2K125ECEDB:MSSQLSERVER")) {
            ad.registerServicePrincipalName("SqlServerSvc", spn);
        }
        ad.trustForDelegationKerberosOnly("SqlServerSvc");
        ad.trustForDelegationKerberosOnly(A);
        ad.trustForDelegationKerberosOnly(B);
    }

    void features() {
        for (String host : List.of(A, B)) {
            var result = lab.windows().installFeatures(host, List.of("FS-DFS-Namespace", "FS-DFS-Replication", "Failover-Clustering"));
            if (result.restartNeeded()) {
                lab.windows().restart(host);
            }
        }
    }

    void directories() {
        var windows = lab.windows();
        for (String host : List.of(A, B)) {
            windows.ensureDirectory(host, "E:\\ECEFile");
            windows.ensureShare(host, "ECEFile", "E:\\ECEFile", "MASSIVE\\ECESvc");
            windows.grantAccess(host, "E:\\ECEFile", "MASSIVE\\ECESvc", "FullControl");
            windows.ensureDirectory(host, "E:\\ssis_data");
            windows.grantAccess(host, "E:\\ssis_data", SQL_SERVICE, "Modify");
            windows.ensureDirectory(host, "F:\\MSSQL\\Data");
            windows.ensureDirectory(host, "F:\\MSSQL\\Backups");
        }
    }

    void dfs() {
        var dfs = lab.dfs();
        dfs.createDomainNamespace(A, "ECE_Root", "C:\\DFSRoots");
        dfs.addNamespaceServer(B, "ECE_Root", "C:\\DFSRoots");
        dfs.createFolderWithTargets(A, "\\\\massivedynamic.com\\ECE_Root\\ECE", List.of("\\\\" + A + "\\ECEFile", "\\\\" + B + "\\ECEFile"));
        dfs.createReplicationGroup(A, new ReplicationGroupSpec("ECE", "ECE", List.of(A, B), A, true, "E:\\ECEFile"));
        dfs.setStagingQuota(A, "ECE", A, 4096);
        dfs.setStagingQuota(A, "ECE", B, 4096);
    }

    void cluster() {
        lab.cluster().createCluster(A, CNO, List.of(A, B), List.of("14.10.162.170", "14.10.172.170"));
        lab.cluster().setFileShareWitness(A, "\\\\FS01\\ECEWitness");
    }

    public void alwaysOn() {
        alwaysOn(List.of(A, B));
    }

    /** pre-6.1 and the endpoints; the firewall opened for both ports on {@code openFirewallOn} only. */
    public void alwaysOn(List<String> openFirewallOn) {
        var sql = lab.sql();
        for (String host : List.of(A, B)) {
            if (!sql.readFacts(host).hadrEnabled()) {
                sql.enableAlwaysOn(host);
                sql.restartSqlService(host);
            }
            sql.createHadrEndpoint(host, 5022);
            for (int port : new int[] {5022, 1433}) {
                if (openFirewallOn.contains(host)) {
                    lab.windows().ensureFirewallRule(host, new FirewallRule("EceRunbook-" + port, "TCP " + port, port));
                }
            }
            sql.grantEndpointConnect(host, SQL_SERVICE);
        }
    }

    public void availabilityGroup() {
        var sql = lab.sql();
        sql.createDatabase(A, "AGTemp");
        sql.setRecoveryModel(A, "AGTemp", RecoveryModel.FULL);
        sql.backupDatabase(A, "AGTemp", BACKUPS + "AGTemp.bak", true);
        sql.backupLog(A, "AGTemp", BACKUPS + "AGTemp.trn");
        sql.createAvailabilityGroup(A, new AvailabilityGroupSpec(AG, List.of(
                new AvailabilityGroupSpec.Replica(A, "TCP://CC2K125ECEAA.massivedynamic.com:5022", true, true),
                new AvailabilityGroupSpec.Replica(B, "TCP://CC2K125ECEAB.massivedynamic.com:5022", true, true)),
                "ANY_REPLICA", false, List.of("AGTemp")));
        sql.createListener(A, AG, new ListenerSpec(AG, List.of("14.10.162.161", "14.10.172.171"), 1433));
        sql.joinAvailabilityGroup(B, AG);
        seedSecondary("AGTemp");
        sql.joinDatabaseToAvailabilityGroup(B, AG, "AGTemp");
    }

    void eceDatabasesJoined() {
        lab.ece().recordSetupRun(A, new SetupRun(Set.of(EceComponent.FILE_SERVER, EceComponent.DATABASE_SERVER),
                Map.of(SetupRun.DFS_PATH, "\\\\massivedynamic.com\\ECE_Root\\ECE", SetupRun.AUTHENTICATION, "integrated",
                        SetupRun.DATABASE_SERVER, "CC2K125ECEDB.massivedynamic.com")));
        var sql = lab.sql();
        for (String db : List.of("eGActiveDB", "eGMasterDB", "eGReportsDB")) {
            sql.setRecoveryModel(A, db, RecoveryModel.FULL);
            sql.backupDatabase(A, db, BACKUPS + db + ".bak", true);
            sql.backupLog(A, db, BACKUPS + db + ".trn");
            seedSecondary(db);
            sql.addDatabaseToAvailabilityGroup(A, AG, db);
            sql.joinDatabaseToAvailabilityGroup(B, AG, db);
        }
    }

    void seedSecondary(String db) {
        lab.windows().copyFile(A, BACKUPS + db + ".bak", B, BACKUPS + db + ".bak");
        lab.windows().copyFile(A, BACKUPS + db + ".trn", B, BACKUPS + db + ".trn");
        lab.sql().restoreDatabase(B, db, BACKUPS + db + ".bak", Recovery.NORECOVERY);
        lab.sql().restoreLog(B, db, BACKUPS + db + ".trn", Recovery.NORECOVERY);
    }

    public void upToCluster() {
        activeDirectory();
        features();
        directories();
        dfs();
        cluster();
    }

    void all() {
        upToCluster();
        alwaysOn();
        availabilityGroup();
        eceDatabasesJoined();
    }
}
