package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario keys durations and clusterValidationWarnings. */
class LabScenarioKeysTest {

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);

    @Test
    void aDurationOverrideHoldsOnlyItsOwnWorkAndIsNotScaled() {
        LabScenario scenario = LabScenario.fromYaml("durationScale: 0\ndurations: { sqlRestart: PT10H }\n");
        assertThat(scenario.durations()).containsExactly(java.util.Map.entry("sqlRestart", Duration.ofHours(10)));
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, scenario);

        lab.sql().restartSqlService(A);
        assertThat(lab.sql().isAnswering(A)).isFalse();
        clock.advance(Duration.ofHours(9));
        assertThat(lab.sql().isAnswering(A)).isFalse();
        clock.advance(Duration.ofHours(1));
        assertThat(lab.sql().isAnswering(A)).isTrue();

        // A host restart is still instant with durationScale 0, and brings a hanging SQL Server back with it.
        lab.sql().restartSqlService(B);
        lab.windows().restart(B);
        assertThat(lab.sql().isAnswering(B)).isTrue();
    }

    @Test
    void anUnknownDurationNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> LabScenario.fromYaml("durations: { sqlReboot: 5m }"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sqlReboot").hasMessageContaining("sqlRestart");
    }

    @Test
    void clusterValidationReportsTheScenariosWarnings() {
        assertThat(LabFixtures.lab(dataDir, clock, LabFixtures.instant()).cluster().validateCluster(A, List.of(A, B)).warnings())
                .isEqualTo(LabScenario.USUAL_VALIDATION_WARNINGS);

        LabScenario clean = LabScenario.fromYaml("durationScale: 0\nclusterValidationWarnings: []\n");
        RehearsalLab lab = LabFixtures.labs(dataDir, clock).open("run-clean", LabFixtures.massiveDynamic(), clean);
        assertThat(lab.cluster().validateCluster(A, List.of(A, B)).warnings()).isEmpty();
    }

    @Test
    void theNewKeysSurviveAReload() {
        LabScenario scenario = LabScenario.fromYaml("durations: { agSynchronization: 2m }\nclusterValidationWarnings: [one]\n");
        LabFixtures.labs(dataDir, clock).open("run-reload", LabFixtures.massiveDynamic(), scenario);

        RehearsalLab reloaded = LabFixtures.labs(dataDir, clock).find("run-reload").orElseThrow();
        assertThat(reloaded.scenario().durations()).containsEntry("agSynchronization", Duration.ofMinutes(2));
        assertThat(reloaded.scenario().validationWarnings()).containsExactly("one");
    }
}
