package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.AG;
import static com.eceops.runbook.lab.LabFixtures.B;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabHappyPathTest {

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);

    @Test
    void theOrderedProcedureBringsAllThreeEceDatabasesIntoAHealthyAvailabilityGroup() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        new LabProcedure(lab).all();
        clock.advance(Duration.ofSeconds(1));

        var ag = lab.sql().readAvailabilityGroup(A, AG);
        assertThat(ag.primary()).isEqualTo(A);
        assertThat(ag.listenerName()).isEqualTo(AG);
        assertThat(ag.databases()).extracting(d -> d.database()).contains("AGTemp", "eGActiveDB", "eGMasterDB", "eGReportsDB")
                .doesNotContain("SSISDB");
        assertThat(ag.healthy()).isTrue();
        assertThat(lab.cluster().readCluster(B).quorumType()).isEqualTo("NodeAndFileShareMajority");
        assertThat(lab.activeDirectory().readObject(LabFixtures.CNO).enabled()).isTrue();
    }

    @Test
    void rerunningTheFinishedProcedureLeavesTheLedgerUnchanged() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        new LabProcedure(lab).all();
        int size = lab.ledger().size();

        new LabProcedure(lab).all();

        assertThat(lab.ledger()).hasSize(size);
    }

    @Test
    void aDatabaseStaysSynchronizingUntilTheSynchronisationTimeHasPassed() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabScenario.defaults());
        LabProcedure procedure = new LabProcedure(lab);
        procedure.activeDirectory();
        procedure.features();
        clock.advance(Duration.ofMinutes(3));
        procedure.directories();
        procedure.dfs();
        procedure.cluster();
        lab.sql().enableAlwaysOn(A);
        lab.sql().enableAlwaysOn(B);
        lab.sql().restartSqlService(A);
        lab.sql().restartSqlService(B);
        clock.advance(Duration.ofMinutes(2));
        procedure.alwaysOn();
        procedure.availabilityGroup();

        assertThat(lab.sql().readAvailabilityGroup(A, AG).healthy()).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(lab.sql().readAvailabilityGroup(A, AG).healthy()).isTrue();
    }

    @Test
    void aFileWrittenOnOneMemberReachesTheOtherAfterTheReplicationDelay() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabScenario.defaults());
        LabProcedure procedure = new LabProcedure(lab);
        procedure.activeDirectory();
        procedure.features();
        clock.advance(Duration.ofMinutes(3));
        procedure.directories();
        procedure.dfs();

        lab.windows().writeFile(A, "E:\\ECEFile\\test.txt", "made on A");
        assertThat(lab.windows().fileExists(B, "E:\\ECEFile\\test.txt")).isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(lab.windows().readFile(B, "E:\\ECEFile\\test.txt")).contains("made on A");

        clock.advance(Duration.ofSeconds(1));
        lab.windows().writeFile(B, "E:\\ECEFile\\test.txt", "edited on B");
        clock.advance(Duration.ofSeconds(31));
        assertThat(lab.windows().readFile(A, "\\\\massivedynamic.com\\ECE_Root\\ECE\\test.txt")).contains("edited on B");
    }
}
