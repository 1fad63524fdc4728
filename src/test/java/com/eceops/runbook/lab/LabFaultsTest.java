package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.OU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.operations.OperationFailedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabFaultsTest {

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);

    @Test
    void anInjectedFaultFailsTheGivenNumberOfTimesThenTheOperationSucceeds() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant().withFaults(List.of(
                LabScenario.Fault.failing("ensureDirectory", A, 2, "WinRM: the connection was reset"))));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> lab.windows().ensureDirectory(A, "E:\\ECEFile"))
                    .isInstanceOf(OperationFailedException.class).isNotInstanceOf(LabRuleViolation.class)
                    .hasMessageContaining("the connection was reset");
        }
        assertThat(lab.windows().ensureDirectory(A, "E:\\ECEFile").changed()).isTrue();
    }

    @Test
    void aFaultOnOneHostLeavesTheOtherHostsAlone() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant().withFaults(List.of(
                LabScenario.Fault.failing("ensureDirectory", A, 1, null))));

        assertThat(lab.windows().ensureDirectory(LabFixtures.B, "E:\\ECEFile").changed()).isTrue();
    }

    @Test
    void aFaultOnActiveDirectoryIsAddressedByTheDomain() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant().withFaults(List.of(
                LabScenario.Fault.failing("ensureOrganizationalUnit", "massivedynamic.com", 1, "server not operational"))));

        assertThatThrownBy(() -> lab.activeDirectory().ensureOrganizationalUnit(OU)).hasMessageContaining("server not operational");
        assertThat(lab.activeDirectory().ensureOrganizationalUnit(OU).changed()).isTrue();
    }

    @Test
    void aSlowOperationTakesEffectOnlyAfterTheGivenTime() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant().withFaults(List.of(
                LabScenario.Fault.slow("ensureDirectory", A, Duration.ofMinutes(5)))));

        assertThat(lab.windows().ensureDirectory(A, "E:\\ECEFile").after()).contains("completes at");
        assertThat(lab.windows().readAccessRules(A, "E:\\ECEFile")).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(lab.windows().readAccessRules(A, "E:\\ECEFile")).isNotEmpty();
        assertThat(lab.ledger()).anyMatch(e -> e.operation().equals("ensureDirectory") && e.host().equals(A));
    }

    @Test
    void aScenarioIsReadFromYaml() {
        LabScenario scenario = LabScenario.fromYaml("""
                durationScale: 0
                clockSpeed: 120
                hosts:
                  cc2k125eceab: { sqlEdition: "Standard Edition (64-bit)", missingDrives: [F] }
                faults:
                  - { operation: createCluster, host: CC2K125ECEAA, failTimes: 2, message: "RPC server unavailable" }
                  - { operation: startService, host: CC2K125ECEAA, slowBy: 5m }
                """);

        assertThat(scenario.durationScale()).isZero();
        assertThat(scenario.clockSpeed()).isEqualTo(120);
        assertThat(scenario.host("CC2K125ECEAB").sqlEdition()).isEqualTo("Standard Edition (64-bit)");
        assertThat(scenario.host("CC2K125ECEAB").missingDrives()).containsExactly("F");
        assertThat(scenario.featuresNeedingRestart()).containsExactly("Failover-Clustering");
        assertThat(scenario.faults()).containsExactly(
                LabScenario.Fault.failing("createCluster", "CC2K125ECEAA", 2, "RPC server unavailable"),
                LabScenario.Fault.slow("startService", "CC2K125ECEAA", Duration.ofMinutes(5)));
    }

    @Test
    void aScenarioOverrideMakesTheHostStartOutDifferent() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabScenario.fromYaml("""
                hosts:
                  CC2K125ECEAB: { sqlEdition: "Standard Edition (64-bit)", osVersion: 10.0.17763 }
                """));

        assertThat(lab.sql().readFacts(LabFixtures.B).isEnterprise()).isFalse();
        assertThat(lab.windows().readHostFacts(LabFixtures.B).isWindowsServer2016()).isFalse();
        assertThat(lab.windows().readHostFacts(A).isWindowsServer2016()).isTrue();
    }
}
