package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.AG;
import static com.eceops.runbook.lab.LabFixtures.B;
import static com.eceops.runbook.lab.LabFixtures.CNO;
import static com.eceops.runbook.lab.LabFixtures.OU;
import static com.eceops.runbook.lab.LabProcedure.BACKUPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.technology.windows.FirewallRule;
import com.eceops.runbook.technology.sql.AvailabilityGroupSpec;
import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabTrapsTest {

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);

    RehearsalLab lab(LabScenario scenario) {
        return LabFixtures.lab(dataDir, clock, scenario);
    }

    static final List<String> CLUSTER_IPS = List.of("14.10.162.170", "14.10.172.170");

    @Test
    void theClusterIsRefusedWithoutAPrestagedClusterNameObject() {
        RehearsalLab lab = lab(LabFixtures.instant());
        new LabProcedure(lab).features();

        assertThatThrownBy(() -> lab.cluster().createCluster(A, CNO, List.of(A, B), CLUSTER_IPS))
                .isInstanceOf(LabRuleViolation.class)
                .hasMessageContaining(A).hasMessageContaining("createCluster").hasMessageContaining("not prestaged");
    }

    @Test
    void theClusterIsRefusedWhenTheCreatingAccountHasNoFullControlOnTheClusterNameObject() {
        RehearsalLab lab = lab(LabFixtures.instant());
        new LabProcedure(lab).features();
        lab.activeDirectory().ensureOrganizationalUnit(OU);
        lab.activeDirectory().prestageClusterNameObject(CNO, OU);

        assertThatThrownBy(() -> lab.cluster().createCluster(A, CNO, List.of(A, B), CLUSTER_IPS))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("no Full Control").hasMessageContaining("pre-2.3");
    }

    @Test
    void theClusterIsRefusedWhileFailoverClusteringStillWaitsForARestart() {
        RehearsalLab lab = lab(LabFixtures.instant());
        LabProcedure procedure = new LabProcedure(lab);
        procedure.activeDirectory();
        lab.windows().installFeatures(A, List.of("Failover-Clustering"));
        lab.windows().installFeatures(B, List.of("Failover-Clustering"));

        assertThat(lab.windows().readHostFacts(A).restartPending()).isTrue();
        assertThatThrownBy(() -> lab.cluster().createCluster(A, CNO, List.of(A, B), CLUSTER_IPS))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("install pending a restart");
    }

    @Test
    void aPrestagedClusterNameObjectLongerThanFifteenCharactersIsRefused() {
        RehearsalLab lab = lab(LabFixtures.instant());
        lab.activeDirectory().ensureOrganizationalUnit(OU);

        assertThatThrownBy(() -> lab.activeDirectory().prestageClusterNameObject("CC2K125ECEFOCLUSTER", OU))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("15 characters");
    }

    @Test
    void alwaysOnCannotBeEnabledBeforeTheHostIsAClusterNode() {
        RehearsalLab lab = lab(LabFixtures.instant());

        assertThatThrownBy(() -> lab.sql().enableAlwaysOn(A))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("failover cluster");
    }

    @Test
    void theAvailabilityGroupIsRefusedWhenTheSqlServiceWasNotRestartedAfterEnablingAlwaysOn() {
        RehearsalLab lab = lab(LabFixtures.instant());
        new LabProcedure(lab).upToCluster();
        for (String host : List.of(A, B)) {
            lab.sql().enableAlwaysOn(host);
            lab.sql().createHadrEndpoint(host, 5022);
        }

        assertThatThrownBy(() -> lab.sql().createAvailabilityGroup(A, spec(List.of())))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("not restarted");
    }

    @Test
    void sqlServerCannotRestoreFromThePrimarysAdministrativeShareOnlyFromItsOwnDisk() {
        RehearsalLab lab = withAvailabilityGroup();
        prepareOnPrimary(lab, "eGActiveDB");
        String full = BACKUPS + "eGActiveDB.bak";

        assertThatThrownBy(() -> lab.sql().restoreDatabase(B, "eGActiveDB", "\\\\" + A + "\\F$\\MSSQL\\Backups\\eGActiveDB.bak",
                Recovery.NORECOVERY)).isInstanceOf(LabRuleViolation.class)
                .hasMessageContaining("Operating system error 5(Access is denied.)").hasMessageContaining("administrative share");
        assertThatThrownBy(() -> lab.sql().restoreDatabase(B, "eGActiveDB", full, Recovery.NORECOVERY))
                .as("nothing on side B's disk yet").isInstanceOf(LabRuleViolation.class).hasMessageContaining("no such file");

        lab.windows().copyFile(A, full, B, full);
        assertThat(lab.sql().restoreDatabase(B, "eGActiveDB", full, Recovery.NORECOVERY).changed()).isTrue();
    }

    @Test
    void theAvailabilityGroupIsRefusedWithoutTheCluster() {
        RehearsalLab lab = lab(LabFixtures.instant());

        assertThatThrownBy(() -> lab.sql().createAvailabilityGroup(A, spec(List.of())))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("needs the failover cluster");
    }

    @Test
    void aDatabaseInSimpleRecoveryCannotJoin() {
        RehearsalLab lab = withAvailabilityGroup();
        lab.sql().createDatabase(A, "eGActiveDB");

        assertThatThrownBy(() -> lab.sql().addDatabaseToAvailabilityGroup(A, AG, "eGActiveDB"))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("only in FULL recovery");
    }

    @Test
    void aDatabaseWithoutALogBackupCannotJoin() {
        RehearsalLab lab = withAvailabilityGroup();
        lab.sql().createDatabase(A, "eGActiveDB");
        lab.sql().setRecoveryModel(A, "eGActiveDB", RecoveryModel.FULL);
        lab.sql().backupDatabase(A, "eGActiveDB", BACKUPS + "eGActiveDB.bak", true);

        assertThatThrownBy(() -> lab.sql().addDatabaseToAvailabilityGroup(A, AG, "eGActiveDB"))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("no log backup");
    }

    @Test
    void aSecondaryCopyRestoredWithRecoveryCannotJoin() {
        RehearsalLab lab = withAvailabilityGroup();
        prepareOnPrimary(lab, "eGActiveDB");
        lab.windows().copyFile(A, BACKUPS + "eGActiveDB.bak", B, BACKUPS + "eGActiveDB.bak");
        lab.sql().restoreDatabase(B, "eGActiveDB", BACKUPS + "eGActiveDB.bak", Recovery.RECOVERY);
        lab.sql().addDatabaseToAvailabilityGroup(A, AG, "eGActiveDB");

        assertThatThrownBy(() -> lab.sql().joinDatabaseToAvailabilityGroup(B, AG, "eGActiveDB"))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("WITH NORECOVERY");
    }

    @Test
    void aRestoreOnTheSecondaryNeedsTheBackupCopiedThereFirst() {
        RehearsalLab lab = withAvailabilityGroup();
        prepareOnPrimary(lab, "eGActiveDB");

        assertThatThrownBy(() -> lab.sql().restoreDatabase(B, "eGActiveDB", BACKUPS + "eGActiveDB.bak", Recovery.NORECOVERY))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("no such file");
    }

    @Test
    void aDatabaseCannotJoinWhileTheFirewallOfAReplicaDropsTheEndpointPort() {
        RehearsalLab lab = lab(LabFixtures.instant());
        LabProcedure procedure = new LabProcedure(lab);
        procedure.upToCluster();
        procedure.alwaysOn(List.of(A));

        assertThatThrownBy(procedure::availabilityGroup).isInstanceOf(LabRuleViolation.class)
                .hasMessageContaining("Msg 35250").hasMessageContaining("Windows Firewall on " + B)
                .hasMessageContaining("TCP 5022");

        assertThat(lab.windows().readFirewallRule(B, "EceRunbook-5022").present()).isFalse();
        lab.windows().ensureFirewallRule(B, new FirewallRule("EceRunbook-5022", "TCP 5022", 5022));
        assertThat(lab.windows().readFirewallRule(B, "EceRunbook-5022").allows(new FirewallRule("x", "x", 5022))).isTrue();
        assertThat(lab.windows().ensureFirewallRule(B, new FirewallRule("EceRunbook-5022", "TCP 5022", 5022)).changed())
                .as("a rule that already lets the port in changes nothing").isFalse();
        assertThat(lab.sql().joinDatabaseToAvailabilityGroup(B, AG, "AGTemp").changed()).isTrue();
    }

    @Test
    void standardEditionLetsOnlyOneDatabaseIntoTheAvailabilityGroup() {
        RehearsalLab lab = withAvailabilityGroup(LabFixtures.instant()
                .withHost(B, new LabScenario.HostOverride("Standard Edition (64-bit)", null, null)));
        prepareOnPrimary(lab, "eGActiveDB");

        assertThatThrownBy(() -> lab.sql().addDatabaseToAvailabilityGroup(A, AG, "eGActiveDB"))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("Standard Edition allows only one database");
    }

    @Test
    void restoringOverADatabaseInTheAvailabilityGroupFailsOnTheSecondary() {
        RehearsalLab lab = withAvailabilityGroup();
        prepareOnPrimary(lab, "eGActiveDB");
        lab.sql().backupDatabase(A, "eGActiveDB", BACKUPS + "eGActiveDB-2.bak", true);
        lab.windows().copyFile(A, BACKUPS + "eGActiveDB-2.bak", B, BACKUPS + "eGActiveDB-2.bak");
        new LabProcedure(lab).seedSecondary("eGActiveDB");
        lab.sql().addDatabaseToAvailabilityGroup(A, AG, "eGActiveDB");
        lab.sql().joinDatabaseToAvailabilityGroup(B, AG, "eGActiveDB");

        assertThatThrownBy(() -> lab.sql().restoreDatabase(B, "eGActiveDB", BACKUPS + "eGActiveDB-2.bak", Recovery.NORECOVERY))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("joined to an availability group");
    }

    @Test
    void restoringOnThePrimaryOfADatabaseInTheAvailabilityGroupFails() {
        RehearsalLab lab = withAvailabilityGroup();
        prepareOnPrimary(lab, "eGActiveDB");
        lab.sql().addDatabaseToAvailabilityGroup(A, AG, "eGActiveDB");
        lab.sql().backupDatabase(A, "eGActiveDB", BACKUPS + "eGActiveDB-2.bak", true);

        assertThatThrownBy(() -> lab.sql().restoreDatabase(A, "eGActiveDB", BACKUPS + "eGActiveDB-2.bak", Recovery.RECOVERY))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("RESTORE on the primary replica fails");
    }

    @Test
    void ssisdbMustNotBeAddedToTheAvailabilityGroup() {
        RehearsalLab lab = withAvailabilityGroup();
        new LabProcedure(lab).eceDatabasesJoined();

        assertThatThrownBy(() -> lab.sql().addDatabaseToAvailabilityGroup(A, AG, "SSISDB"))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("SSISDB must not");
    }

    @Test
    void theListenerIsRefusedWhenTheClusterNameObjectMayNotCreateComputerObjects() {
        RehearsalLab lab = lab(LabFixtures.instant());
        var ad = lab.activeDirectory();
        ad.ensureServiceUser("SqlServerSvc", new CredentialRef("sql-service"));
        ad.ensureOrganizationalUnit(OU);
        ad.prestageClusterNameObject(CNO, OU);
        ad.grantFullControlOnComputerObject(CNO, "ECEInstaller");
        LabProcedure procedure = new LabProcedure(lab);
        procedure.features();
        procedure.directories();
        procedure.cluster();
        procedure.alwaysOn();
        lab.sql().createAvailabilityGroup(A, spec(List.of()));

        assertThatThrownBy(() -> lab.sql().createListener(A, AG, new com.eceops.runbook.technology.sql.ListenerSpec(AG,
                List.of("14.10.162.161", "14.10.172.171"), 1433)))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("pre-2.4");
    }

    @Test
    void aDirectoryOnAMissingDriveIsRefused() {
        RehearsalLab lab = lab(LabFixtures.instant().withHost(A, new LabScenario.HostOverride(null, null, List.of("F"))));

        assertThatThrownBy(() -> lab.windows().ensureDirectory(A, "F:\\MSSQL\\Data"))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("drive F: does not exist");
    }

    @Test
    void theCiscoServiceCannotBeStartedWhileItIsStillStopping() {
        RehearsalLab lab = lab(LabScenario.defaults());
        lab.locked(() -> {
            HostState host = lab.context().state().hosts.get(A);
            new LabServices(lab.context()).create(host, "Cisco", "MASSIVE\\ECESvc", com.eceops.runbook.technology.windows.ServiceStatus.StartType.AUTOMATIC);
            lab.save();
        });
        lab.windows().startService(A, "Cisco");
        clock.advance(Duration.ofMinutes(15));
        lab.windows().stopService(A, "Cisco");
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> lab.windows().startService(A, "Cisco"))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("still stopping");
    }

    RehearsalLab withAvailabilityGroup() {
        return withAvailabilityGroup(LabFixtures.instant());
    }

    RehearsalLab withAvailabilityGroup(LabScenario scenario) {
        RehearsalLab lab = lab(scenario);
        LabProcedure procedure = new LabProcedure(lab);
        procedure.upToCluster();
        procedure.alwaysOn();
        procedure.availabilityGroup();
        return lab;
    }

    static void prepareOnPrimary(RehearsalLab lab, String db) {
        lab.sql().createDatabase(A, db);
        lab.sql().setRecoveryModel(A, db, RecoveryModel.FULL);
        lab.sql().backupDatabase(A, db, BACKUPS + db + ".bak", true);
        lab.sql().backupLog(A, db, BACKUPS + db + ".trn");
    }

    static AvailabilityGroupSpec spec(List<String> databases) {
        return new AvailabilityGroupSpec(AG, List.of(
                new AvailabilityGroupSpec.Replica(A, "TCP://CC2K125ECEAA.massivedynamic.com:5022", true, true),
                new AvailabilityGroupSpec.Replica(B, "TCP://CC2K125ECEAB.massivedynamic.com:5022", true, true)),
                "ANY_REPLICA", false, databases);
    }
}
