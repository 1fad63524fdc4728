package com.eceops.runbook.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.estate.SecretResolver;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunKey;
import com.eceops.runbook.technology.activedirectory.PowerShellActiveDirectoryOperations;
import com.eceops.runbook.technology.cluster.PowerShellClusterOperations;
import com.eceops.runbook.technology.dfs.PowerShellDfsOperations;
import com.eceops.runbook.technology.ece.PowerShellEceOperations;
import com.eceops.runbook.technology.powershell.MarkdownPlan;
import com.eceops.runbook.technology.reportsdb.PowerShellReportsDbUtility;
import com.eceops.runbook.technology.sql.LiveSqlServerOperations;
import com.eceops.runbook.technology.web.HttpWebEndpointOperations;
import com.eceops.runbook.technology.windows.PowerShellWindowsOperations;

/**
 * A live run gets the real implementations, a plan run their recording forms, and a run's sessions and installer
 * handles are held until it is released.
 */
class RealOperationsTest {

    private final EstateProperties properties = new EstateProperties(Path.of("estates"), Path.of("secrets/none.properties"));
    private final Estate estate = new EstateRepository(properties).load("massivedynamic");
    private final RealOperations real = new RealOperations(new SecretResolver(properties),
            HttpWebEndpointOperations.withDefaultTrust(Duration.ofSeconds(5)));
    private final RunKey run = RunKey.parse("massivedynamic.live.20261125-220000");

    @Test
    void aLiveRunGetsThePowerShellImplementationsAndOneSqlServerOperationsForTSqlAndTheHost() {
        RunContext live = real.live(run, estate);
        assertThat(live.windows()).isInstanceOf(PowerShellWindowsOperations.class);
        assertThat(live.sql()).isInstanceOf(LiveSqlServerOperations.class);
        assertThat(live.activeDirectory()).isInstanceOf(PowerShellActiveDirectoryOperations.class);
        assertThat(live.dfs()).isInstanceOf(PowerShellDfsOperations.class);
        assertThat(live.cluster()).isInstanceOf(PowerShellClusterOperations.class);
        assertThat(live.ece()).isInstanceOf(PowerShellEceOperations.class);
        assertThat(live.reportsDb()).isInstanceOf(PowerShellReportsDbUtility.class);
        assertThat(live.key()).isEqualTo(run);
    }

    @Test
    void aPlanRunRecordsTheSqlChangesInsteadOfConnecting() {
        RunKey plan = RunKey.parse("massivedynamic.plan.20261125-220000");
        MarkdownPlan statements = new MarkdownPlan("sql");
        RunContext recording = real.recording(plan, estate, new MarkdownPlan(), statements);

        recording.sql().createDatabase("CC2K125ECEAA", "AGTemp");

        assertThat(statements.toMarkdown("T-SQL")).contains("## CC2K125ECEAA").contains("CREATE DATABASE [AGTemp]");
        real.release(plan.toString());
    }

    @Test
    void releasingARunForgetsItsSessionsAndInstallersAndLeavesOtherRunsAlone() {
        RunKey other = RunKey.parse("massivedynamic.live.20261126-220000");
        real.live(run, estate);
        real.live(other, estate);
        assertThat(real.holds(run.toString())).isTrue();

        real.release(run.toString());
        real.release("a run never started");

        assertThat(real.holds(run.toString())).isFalse();
        assertThat(real.holds(other.toString())).isTrue();
        real.release(other.toString());
    }
}
