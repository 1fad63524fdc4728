package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.windows.ServiceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabTimeTest {

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);

    RehearsalLab labWithCiscoService() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabScenario.defaults());
        lab.locked(() -> {
            for (String host : List.of(A, B)) {
                new LabServices(lab.context()).create(lab.context().state().hosts.get(host), "Cisco", "MASSIVE\\ECESvc",
                        ServiceStatus.StartType.AUTOMATIC);
            }
            lab.save();
        });
        return lab;
    }

    @Test
    void theCiscoServiceProcessesRampUpToTwentyToThirtyOnTheFirstSideAndNineToTenOnTheOther() {
        RehearsalLab lab = labWithCiscoService();
        lab.windows().startService(A, "Cisco");
        lab.windows().startService(B, "Cisco");

        assertThat(lab.windows().countProcessesRunningAs(A, "ECESvc")).isZero();
        clock.advance(Duration.ofMinutes(7));
        assertThat(lab.windows().countProcessesRunningAs(A, "ECESvc")).isBetween(1, 19);
        clock.advance(Duration.ofMinutes(8));
        assertThat(lab.windows().countProcessesRunningAs(A, "MASSIVE\\ECESvc")).isBetween(20, 30);
        assertThat(lab.windows().countProcessesRunningAs(B, "ECESvc@massivedynamic.com")).isBetween(9, 10);
        assertThat(lab.windows().readService(A, "Cisco").status()).isEqualTo(ServiceStatus.Status.RUNNING);
    }

    @Test
    void theCiscoServiceProcessesFallToNoneWithinFiveMinutesAfterAStop() {
        RehearsalLab lab = labWithCiscoService();
        lab.windows().startService(A, "Cisco");
        clock.advance(Duration.ofMinutes(15));
        lab.windows().stopService(A, "Cisco");

        clock.advance(Duration.ofMinutes(2));
        assertThat(lab.windows().countProcessesRunningAs(A, "ECESvc")).isPositive();
        assertThat(lab.windows().readService(A, "Cisco").status()).isEqualTo(ServiceStatus.Status.STOP_PENDING);
        clock.advance(Duration.ofMinutes(3));
        assertThat(lab.windows().countProcessesRunningAs(A, "ECESvc")).isZero();
        assertThat(lab.windows().readService(A, "Cisco").status()).isEqualTo(ServiceStatus.Status.STOPPED);
    }

    @Test
    void aRestartingHostIsUnreachableUntilTheClockPassesItsReturn() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabScenario.defaults());
        lab.windows().restart(A);

        assertThat(lab.windows().isReachable(A)).isFalse();
        assertThatThrownBy(() -> lab.windows().installedFeatures(A))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining(A).hasMessageContaining("does not answer");
        assertThatThrownBy(() -> lab.sql().readFacts(A)).isInstanceOf(OperationFailedException.class);
        clock.advance(Duration.ofMinutes(2));
        assertThat(lab.windows().isReachable(A)).isTrue();
        assertThat(lab.sql().isAnswering(A)).isTrue();
    }

    @Test
    void aFeatureThatNeedsARestartCountsOnlyAfterTheRestart() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabScenario.defaults());
        var result = lab.windows().installFeatures(A, List.of("FS-DFS-Namespace", "Failover-Clustering"));

        assertThat(result.restartNeeded()).isTrue();
        assertThat(lab.windows().installedFeatures(A)).contains("FS-DFS-Namespace").doesNotContain("Failover-Clustering");
        lab.windows().restart(A);
        clock.advance(Duration.ofMinutes(2));
        assertThat(lab.windows().installedFeatures(A)).contains("Failover-Clustering");
        assertThat(lab.windows().readHostFacts(A).restartPending()).isFalse();
    }

    @Test
    void theSqlServerDoesNotAnswerWhileItsServiceRestarts() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabScenario.defaults());
        lab.sql().restartSqlService(A);

        assertThat(lab.sql().isAnswering(A)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(lab.sql().isAnswering(A)).isTrue();
    }

    @Test
    void aScaledClockRunsFasterThanRealTimeFromItsAnchor() {
        var real = java.time.Clock.fixed(LabFixtures.START, java.time.ZoneOffset.UTC);
        ScaledClock clock = new ScaledClock(java.time.Clock.offset(real, Duration.ofSeconds(10)),
                new ClockAnchor(LabFixtures.START, LabFixtures.START, 60));

        assertThat(clock.now()).isEqualTo(LabFixtures.START.plus(Duration.ofMinutes(10)));
    }
}
