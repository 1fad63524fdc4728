package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.EceOperations;
import com.eceops.runbook.technology.ece.SetupRun;
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

    @Test
    void theDetachedInstallerFailsWhileTheCiscoServiceRunsAndInstallsOnceItIsStopped() {
        RehearsalLab lab = collocatedServerInstalled();
        lab.windows().ensureDirectory(A, "E:\\ECEPatches\\ES5");
        lab.windows().startService(A, "Cisco");

        lab.ece().startPatchInstall(A, "ES5", "E:\\ECEPatches\\ES5", "setup.bat -silent");
        assertThat(lab.ece().pollPatchInstall(A).exitCode()).isEqualTo(1);
        assertThat(lab.ece().readPatchLevel(A)).isEqualTo(EceOperations.BASE_RELEASE);

        lab.windows().stopService(A, "Cisco");
        lab.ece().startPatchInstall(A, "ES5", "E:\\ECEPatches\\ES5", "setup.bat -silent");
        assertThat(lab.ece().pollPatchInstall(A).succeeded()).isTrue();
        assertThat(lab.ece().readPatchLevel(A)).isEqualTo("ES5");
        int ledger = lab.ledger().size();
        assertThat(lab.ece().pollPatchInstall(A).succeeded()).isTrue();
        assertThat(lab.ledger()).hasSize(ledger);
    }

    @Test
    void aPatchOnAWebServerResetsTheKeyFilesAndItsUninstallPutsThemBack() {
        RehearsalLab lab = collocatedServerInstalled();
        String web = LabFixtures.WEB_A;
        lab.ece().recordSetupRun(web, new SetupRun(EnumSet.of(EceComponent.WEB_SERVER), Map.of(SetupRun.ECE_HOME, "C:\\ECE")));
        String merged = "var web_server_protocol = \"https\";\n";
        lab.ece().writeConfigFile(web, com.eceops.runbook.technology.ece.EceConfigFile.ECE_CONFIG_JS, merged);

        lab.handwork().installEcePatch(web, "ES5");
        assertThat(lab.ece().readConfigFile(web, com.eceops.runbook.technology.ece.EceConfigFile.ECE_CONFIG_JS))
                .contains("\"http\"").contains("chat_patch_level = \"ES5\"");
        assertThat(lab.windows().fileExists(web, "C:\\ECE\\eService\\templates\\chat\\chat_entry_point.js")).isTrue();

        lab.handwork().uninstallEcePatch(web);
        assertThat(lab.ece().readConfigFile(web, com.eceops.runbook.technology.ece.EceConfigFile.ECE_CONFIG_JS)).isEqualTo(merged);
        assertThat(lab.windows().fileExists(web, "C:\\ECE\\eService\\templates\\chat\\chat_entry_point.js")).isFalse();
    }

    @Test
    void theEmailProcessesAreStoppedAndStartedByHand() {
        RehearsalLab lab = collocatedServerInstalled();
        assertThat(lab.ece().readEmailProcesses()).hasSize(4).allMatch(p -> p.runningAndAutomatic());
        lab.handwork().stopEmailProcesses();
        assertThat(lab.ece().readEmailProcesses()).filteredOn(p -> p.scope().equals("system")).allMatch(p -> p.stoppedAndManual());
        lab.handwork().startEmailProcesses();
        assertThat(lab.ece().readEmailProcesses()).allMatch(p -> p.runningAndAutomatic());
    }
}
