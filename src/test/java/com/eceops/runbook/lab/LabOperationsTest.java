package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.AG;
import static com.eceops.runbook.lab.LabFixtures.B;
import static com.eceops.runbook.lab.LabFixtures.CNO;
import static com.eceops.runbook.lab.LabFixtures.OU;
import static com.eceops.runbook.lab.LabFixtures.WEB_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.technology.activedirectory.DirectoryObject.AclGrant;
import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.technology.ece.SetupRun;
import com.eceops.runbook.operations.Change;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each operation three times: the state before, applying changes it, re-applying reports no change. */
class LabOperationsTest {

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);

    void appliesOnceThenReportsNoChange(RehearsalLab lab, Supplier<Change> operation) {
        Change first = operation.get();
        int ledger = lab.ledger().size();
        Change again = operation.get();

        assertThat(first.changed()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(lab.ledger()).hasSize(ledger);
    }

    @Test
    void prestagingTheClusterNameObjectLeavesItDisabledAndProtected() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        lab.activeDirectory().ensureOrganizationalUnit(OU);
        assertThat(lab.activeDirectory().readObject(CNO).exists()).isFalse();

        appliesOnceThenReportsNoChange(lab, () -> lab.activeDirectory().prestageClusterNameObject(CNO, OU));

        var cno = lab.activeDirectory().readObject(CNO);
        assertThat(cno.enabled()).isFalse();
        assertThat(cno.protectedFromAccidentalDeletion()).isTrue();
        assertThat(cno.distinguishedName()).endsWith(OU);
    }

    @Test
    void grantingCreateAndDeleteComputerObjectsOnTheOuShowsInItsAcl() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        lab.activeDirectory().ensureOrganizationalUnit(OU);
        lab.activeDirectory().prestageClusterNameObject(CNO, OU);

        appliesOnceThenReportsNoChange(lab, () -> lab.activeDirectory().grantCreateDeleteComputerObjects(OU, CNO));

        assertThat(lab.activeDirectory().readObject(OU).grants()).contains(new AclGrant(CNO, LabActiveDirectory.CREATE_DELETE_COMPUTERS));
    }

    @Test
    void registeringAnSpnMakesSetspnFindItAndADuplicateIsRefused() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        new LabProcedure(lab).activeDirectory();
        String spn = "MSSQLSvc/CC2K125ECEDB.massivedynamic.com:1433";

        assertThat(lab.activeDirectory().findServicePrincipalName(spn)).containsExactly("SqlServerSvc");
        assertThat(lab.activeDirectory().registerServicePrincipalName("SqlServerSvc", spn).changed()).isFalse();
        assertThatThrownBy(() -> lab.activeDirectory().registerServicePrincipalName("ECESvc", spn))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("duplicate SPN");
    }

    @Test
    void trustingForDelegationSetsTheFlagOnce() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        assertThat(lab.activeDirectory().readObject(A).trustedForDelegation()).isFalse();

        appliesOnceThenReportsNoChange(lab, () -> lab.activeDirectory().trustForDelegationKerberosOnly(A));

        assertThat(lab.activeDirectory().readObject(A).trustedForDelegation()).isTrue();
    }

    @Test
    void settingHostRecordTtlOnTheListenerNetworkNameChangesItOnce() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        LabProcedure procedure = new LabProcedure(lab);
        procedure.upToCluster();
        procedure.alwaysOn();
        procedure.availabilityGroup();
        String resource = AG + "_" + AG;
        assertThat(lab.cluster().readResourceParameter(A, resource, "HostRecordTTL")).isEqualTo("1200");

        appliesOnceThenReportsNoChange(lab, () -> lab.cluster().setResourceParameter(A, resource, "HostRecordTTL", "300"));
        appliesOnceThenReportsNoChange(lab, () -> lab.cluster().stopResource(A, AG));
        appliesOnceThenReportsNoChange(lab, () -> lab.cluster().startGroup(A, AG));

        assertThat(lab.cluster().readResource(B, AG).online()).isTrue();
        assertThat(lab.cluster().readEventsSince(A, LabFixtures.START)).extracting(e -> e.id()).containsOnly(1069, 1045);
    }

    @Test
    void settingTheRecoveryModelToFullChangesItOnce() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        new LabProcedure(lab).directories();
        lab.sql().createDatabase(A, "AGTemp");

        appliesOnceThenReportsNoChange(lab, () -> lab.sql().setRecoveryModel(A, "AGTemp",
                com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel.FULL));

        assertThat(lab.sql().readDatabases(A)).singleElement().satisfies(db ->
                assertThat(db.recoveryModel()).isEqualTo(com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel.FULL));
    }

    @Test
    void aFailoverMovesThePrimaryAndBackWithoutDataLoss() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        new LabProcedure(lab).all();

        appliesOnceThenReportsNoChange(lab, () -> lab.sql().failover(B, AG));
        assertThat(lab.sql().readAvailabilityGroup(A, AG).primary()).isEqualTo(B);
        appliesOnceThenReportsNoChange(lab, () -> lab.sql().failover(A, AG));
        assertThat(lab.sql().readAvailabilityGroup(B, AG).primary()).isEqualTo(A);
    }

    @Test
    void writingEceConfigOnAWebServerChangesItOnce() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        lab.ece().recordSetupRun(WEB_A, new SetupRun(Set.of(EceComponent.WEB_SERVER),
                Map.of(SetupRun.ECE_HOME, "C:\\ECE", SetupRun.APPLICATION_SERVER, A)));
        assertThat(lab.ece().readConfigFile(WEB_A, EceConfigFile.ECE_CONFIG_JS)).contains("\"http\"");
        String config = "var web_server_protocol = \"https\";\nvar web_server_name = \"ece.massivedynamic.com\";\n";

        appliesOnceThenReportsNoChange(lab, () -> lab.ece().writeConfigFile(WEB_A, EceConfigFile.ECE_CONFIG_JS, config));

        assertThat(lab.ece().readConfigFile(WEB_A, EceConfigFile.ECE_CONFIG_JS)).isEqualTo(config);
    }

    @Test
    void theLoginPageAnswersOnceTheCiscoServiceHasAllItsProcesses() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabScenario.defaults());
        LabProcedure procedure = new LabProcedure(lab);
        procedure.directories();
        lab.ece().recordSetupRun(A, new SetupRun(Set.of(EceComponent.MESSAGING_SERVER, EceComponent.APPLICATION_SERVER,
                EceComponent.SERVICES_SERVER), Map.of(SetupRun.ECE_HOME, "E:\\ECE")));
        lab.ece().recordSetupRun(WEB_A, new SetupRun(Set.of(EceComponent.WEB_SERVER), Map.of(SetupRun.ECE_HOME, "C:\\ECE")));
        assertThat(lab.ece().readInstallation(A).ciscoServicePresent()).isTrue();

        lab.windows().startService(A, "Cisco");
        assertThat(lab.ece().readLoginPage("default").status()).isEqualTo(503);
        clock.advance(Duration.ofMinutes(15));
        assertThat(lab.ece().readLoginPage("default").status()).isEqualTo(200);
        assertThat(lab.ece().readLoginPage("default").content()).contains("login");
    }

    @Test
    void theEceHomeMustNeverBeTheSharedDirectory() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());

        assertThatThrownBy(() -> lab.ece().recordSetupRun(A, new SetupRun(Set.of(EceComponent.APPLICATION_SERVER),
                Map.of(SetupRun.ECE_HOME, "E:\\ECEFile\\ECE"))))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("never be the shared directory");
    }
}
