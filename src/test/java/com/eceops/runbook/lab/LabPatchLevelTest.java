package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.ece.EceComponent;
import com.eceops.runbook.ece.EceOperations;
import com.eceops.runbook.ece.SetupRun;
import com.eceops.runbook.operations.OperationFailedException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabPatchLevelTest {

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);

    @Test
    void aPatchInstalledWhileTheCiscoServiceIsStoppedRaisesTheLevelAndItsUninstallLowersItAgain() {
        RehearsalLab lab = collocatedServerInstalled();
        lab.windows().stopService(A, "Cisco");
        assertThat(lab.ece().readPatchLevel(A)).isEqualTo(EceOperations.BASE_RELEASE);

        lab.handwork().installEcePatch(A, "ES5");
        int afterInstall = lab.ledger().size();
        lab.handwork().installEcePatch(A, "ES5");

        assertThat(lab.ece().readPatchLevel(A)).isEqualTo("ES5");
        assertThat(lab.ledger()).hasSize(afterInstall);

        lab.handwork().uninstallEcePatch(A);
        assertThat(lab.ece().readPatchLevel(A)).isEqualTo(EceOperations.BASE_RELEASE);
    }

    @Test
    void theInstallerChangesNothingWhileTheCiscoServiceRuns() {
        RehearsalLab lab = collocatedServerInstalled();
        lab.windows().startService(A, "Cisco");

        lab.handwork().installEcePatch(A, "ES5");

        assertThat(lab.ece().readPatchLevel(A)).isEqualTo(EceOperations.BASE_RELEASE);
    }

    @Test
    void aServerWithoutEceHasNoPatchLevel() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());

        assertThatThrownBy(() -> lab.ece().readPatchLevel(A)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("ECE is not installed");
    }

    private RehearsalLab collocatedServerInstalled() {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        new LabProcedure(lab).directories();
        lab.ece().recordSetupRun(A, new SetupRun(EnumSet.of(EceComponent.MESSAGING_SERVER, EceComponent.APPLICATION_SERVER,
                EceComponent.SERVICES_SERVER), Map.of(SetupRun.ECE_HOME, "C:\\ECE")));
        return lab;
    }
}
