package com.eceops.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Scenario files bound by Jackson: every file the tests use, defaults, and refusals that say where and why. */
class LabScenarioYamlTest {

    @Test
    void everyScenarioFileShippedOrOfTheTestsIsRead() throws IOException {
        List<Path> files;
        try (Stream<Path> found = Stream.concat(Files.walk(Path.of("src/main/resources")), Files.walk(Path.of("src/test/resources")))) {
            files = found.filter(f -> f.getParent().endsWith("scenarios") && f.toString().endsWith(".yaml")).toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            assertThat(LabScenario.fromYaml(Files.readString(file))).as(file.toString()).isNotNull();
        }
    }

    @Test
    void anEmptyFileOrOneOfCommentsIsTheDefaultScenario() {
        assertThat(LabScenario.fromYaml("")).isEqualTo(LabScenario.defaults());
        assertThat(LabScenario.fromYaml("# nothing differs\n")).isEqualTo(LabScenario.defaults());
    }

    @Test
    void anUnknownKeyIsRefusedWithItsPathLineAndTheKeysThatExist() {
        assertThatThrownBy(() -> LabScenario.fromYaml("durationScale: 0\nfaults:\n  - { operation: restart, slowby: 5m }\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("faults[0].slowby").hasMessageContaining("line 3").hasMessageContaining("slowBy");
        assertThatThrownBy(() -> LabScenario.fromYaml("clockspeed: 6\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'clockspeed'").hasMessageContaining("clockSpeed");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWithItsKeyAndLine() {
        assertThatThrownBy(() -> LabScenario.fromYaml("durationScale: 0\nclockSpeed: fast\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clockSpeed").hasMessageContaining("line 2");
        assertThatThrownBy(() -> LabScenario.fromYaml("hosts:\n  CC2K125ECEAB: { missingDrives: { F: 1 } }\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hosts.CC2K125ECEAB.missingDrives");
        assertThatThrownBy(() -> LabScenario.fromYaml("faults:\n  - { operation: restart, slowBy: 5x }\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("faults[0].slowBy").hasMessageContaining("30s, 5m");
    }

    @Test
    void aFaultNamesItsOperationAndDurationsMayBeShortOrIso() {
        assertThatThrownBy(() -> LabScenario.fromYaml("faults:\n  - { host: CC2K125ECEAA, failTimes: 1 }\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("faults[0] names no operation");
        assertThat(LabScenario.fromYaml("faults:\n  - { operation: restart, slowBy: 30s }\n  - { operation: restart, slowBy: PT1H }\n")
                .faults()).extracting(LabScenario.Fault::slowBy).containsExactly(Duration.ofSeconds(30), Duration.ofHours(1));
    }
}
