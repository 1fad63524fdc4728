package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.AG;
import static com.eceops.runbook.lab.LabFixtures.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.procedure.reportsdb.ReportsDbPlan;
import com.eceops.runbook.technology.reportsdb.UtilityRun;
import com.eceops.runbook.technology.reportsdb.UtilityStatus;

/** post-7 in the lab: the utility works only when the procedure was followed, and creates SSISDB on the secondary. */
class LabReportsDbUtilityTest {

    private static final String DIRECTORY = "E:\\ReportsDB Utility (SQL Server Always ON)";

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);

    private EarlierSteps installed(LabScenario scenario) {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, scenario);
        return new EarlierSteps("run-1", null, lab).features().activeDirectory().directories().dfs().cluster()
                .availabilityGroup().eceInstalled();
    }

    private static boolean hasSsisdb(RehearsalLab lab, String host) {
        return lab.sql().readDatabases(host).stream().anyMatch(d -> d.name().equals("SSISDB"));
    }

    @Test
    void afterTheFirstCiscoStartTheUtilityCreatesSsisdbOnTheSecondaryAndLogsSuccess() {
        EarlierSteps steps = installed(LabFixtures.instant()).ciscoServiceStartedOnce();
        RehearsalLab lab = steps.lab();
        assertThat(hasSsisdb(lab, A)).isTrue();
        assertThat(hasSsisdb(lab, B)).isFalse();

        steps.reportsDatabase();

        assertThat(hasSsisdb(lab, B)).isTrue();
        assertThat(lab.reportsDb().readLogTail(A, DIRECTORY)).get().asString()
                .startsWith("eg_log_CC2K125ECEAA_ReportsDBUtil.log").contains(ReportsDbPlan.SUCCESS_LINE);
        assertThat(lab.windows().readFile(A, DIRECTORY + "\\reportsdb_utility.properties")).get().asString()
                .contains("ECE_HOME_DIR=\\\\\\\\massivedynamic.com\\\\ECE_Root\\\\ECE")
                .contains("REPORTS_DB_SERVER_NAME=CC2K125ECEAB.massivedynamic.com")
                .contains("SSIS_USER_PASSWORD=******").contains("LOG_LEVEL=INFO");
        assertThat(lab.sql().grantSsisCleanupPermissions(B).changed()).isTrue();
    }

    @Test
    void withoutTheFirstCiscoStartTheLogHasNoSuccessLineAndNothingIsCreated() {
        EarlierSteps steps = installed(LabFixtures.instant());
        RehearsalLab lab = steps.lab();
        steps.reportsDatabase();

        assertThat(hasSsisdb(lab, B)).isFalse();
        String log = lab.reportsDb().readLogTail(A, DIRECTORY).orElseThrow();
        assertThat(log).doesNotContain(ReportsDbPlan.SUCCESS_LINE).contains("ERROR").contains("Cisco service has not run");
    }

    @Test
    void aRunEndsOnlyAfterItsSimulatedDuration() {
        EarlierSteps steps = installed(new LabScenario(0, 60.0, Map.of(), List.of(), List.of(),
                Map.of("reportsDbUtility", java.time.Duration.ofMinutes(7)), null)).ciscoServiceStartedOnce();
        RehearsalLab lab = steps.lab();
        assertThatThrownBy(steps::reportsDatabase).hasMessageContaining("should end at once");
        UtilityRun run = new UtilityRun(A, DIRECTORY, lab.ledger().stream()
                .filter(e -> e.what().startsWith("ReportsDB utility ")).reduce((x, y) -> y).orElseThrow().what()
                .substring("ReportsDB utility ".length()));
        assertThat(lab.reportsDb().poll(run)).isInstanceOf(UtilityStatus.Running.class);
        assertThat(lab.reportsDb().readLogTail(A, DIRECTORY)).isEmpty();
        assertThatThrownBy(() -> lab.reportsDb().startCreateDbObjects(A, DIRECTORY)).hasMessageContaining("already running");
        clock.advance(java.time.Duration.ofMinutes(7));
        assertThat(lab.reportsDb().poll(run)).isInstanceOf(UtilityStatus.Finished.class);
        assertThat(hasSsisdb(lab, B)).isTrue();
    }

    @Test
    void propertiesNamingTheReplicaThatIsNowPrimaryMakeTheUtilityFail() {
        EarlierSteps steps = installed(LabFixtures.instant()).ciscoServiceStartedOnce();
        RehearsalLab lab = steps.lab();
        lab.sql().failover(B, AG);

        steps.reportsDatabase();

        assertThat(hasSsisdb(lab, B)).isFalse();
        assertThat(lab.reportsDb().readLogTail(A, DIRECTORY).orElseThrow())
                .contains("CC2K125ECEAB.massivedynamic.com is not the secondary replica now");
    }

    @Test
    void ece12Point0MediaHasNoWorkingUtilityAndPost8IsRefusedWithoutSsisdb() {
        RehearsalLab lab = installed(LabFixtures.instant()).lab();
        assertThatThrownBy(() -> lab.reportsDb().copyDirectory(A, "\\\\massivedynamic.com\\ECE_Root\\Media\\ECE_12.5\\Other", DIRECTORY))
                .hasMessageContaining("cannot find path");
        assertThatThrownBy(() -> lab.reportsDb().copyDirectory(A, "E:\\Patches\\ES1", DIRECTORY))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> lab.sql().grantSsisCleanupPermissions(B))
                .hasMessageContaining("database 'SSISDB' does not exist on CC2K125ECEAB");
        assertThatThrownBy(() -> lab.reportsDb().startCreateDbObjects(A, DIRECTORY))
                .hasMessageContaining("'reportsdb_utility.bat' is not recognized");
    }
}
