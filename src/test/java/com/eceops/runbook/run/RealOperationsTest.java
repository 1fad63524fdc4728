package com.eceops.runbook.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.estate.SecretResolver;
import com.eceops.runbook.remote.PowerShellActiveDirectoryOperations;
import com.eceops.runbook.remote.PowerShellDfsOperations;
import com.eceops.runbook.remote.ScriptRecorder;

/** A live run gets the PowerShell implementations of Active Directory and DFS, not the "no real implementation" stand-in. */
class RealOperationsTest {

    private final EstateProperties properties = new EstateProperties(Path.of("estates"), Path.of("secrets/none.properties"));
    private final Estate estate = new EstateRepository(properties).load("massivedynamic");
    private final RealOperations real = new RealOperations(new SecretResolver(properties));
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
}
