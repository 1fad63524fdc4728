package com.eceops.runbook.wiring;

import com.eceops.runbook.run.RunKey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.estate.SecretResolver;
import com.eceops.runbook.technology.activedirectory.PowerShellActiveDirectoryOperations;
import com.eceops.runbook.technology.cluster.PowerShellClusterOperations;
import com.eceops.runbook.technology.ece.PowerShellEceOperations;
import com.eceops.runbook.technology.web.HttpWebEndpointOperations;
import com.eceops.runbook.technology.dfs.PowerShellDfsOperations;
import com.eceops.runbook.technology.powershell.ScriptRecorder;

/**
 * A live run gets the PowerShell implementations of Active Directory, DFS, the failover cluster and ECE, not the
 * "no real implementation" stand-in.
 */
class RealOperationsTest {

    private final EstateProperties properties = new EstateProperties(Path.of("estates"), Path.of("secrets/none.properties"));
    private final Estate estate = new EstateRepository(properties).load("massivedynamic");
    private final RealOperations real = new RealOperations(new SecretResolver(properties),
            HttpWebEndpointOperations.withDefaultTrust(Duration.ofSeconds(5)));
    private final RunKey run = RunKey.parse("massivedynamic.live.20261125-220000");

    @Test
    void liveActiveDirectoryAndDfsArePowerShell() {
        assertThat(real.liveActiveDirectory(run, estate)).isInstanceOf(PowerShellActiveDirectoryOperations.class);
        assertThat(real.liveDfs(run, estate)).isInstanceOf(PowerShellDfsOperations.class);
    }

    @Test
    void planRecordingActiveDirectoryAndDfsArePowerShellInPlanMode() {
        assertThat(real.recordingActiveDirectory(estate, ScriptRecorder.NONE)).isInstanceOf(PowerShellActiveDirectoryOperations.class);
        assertThat(real.recordingDfs(estate, ScriptRecorder.NONE)).isInstanceOf(PowerShellDfsOperations.class);
    }

    @Test
    void liveAndPlanClusterAndEceArePowerShell() {
        assertThat(real.liveCluster(run, estate)).isInstanceOf(PowerShellClusterOperations.class);
        assertThat(real.liveEce(run, estate)).isInstanceOf(PowerShellEceOperations.class);
        assertThat(real.recordingCluster(estate, ScriptRecorder.NONE)).isInstanceOf(PowerShellClusterOperations.class);
        assertThat(real.recordingEce(estate, ScriptRecorder.NONE)).isInstanceOf(PowerShellEceOperations.class);
    }
}
