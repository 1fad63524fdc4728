package com.eceops.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patch archive a change manager registers, as a rehearsal's lab holds it from the approval on: where the request
 * says, answering the registered checksum, its copies too, and a file already there left as it is.
 */
class LabPatchFileTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path dataDir;

    RehearsalLab lab;

    @BeforeEach
    void labWithItsNamespace() {
        lab = LabFixtures.lab(dataDir, new ManualClock(LabFixtures.START), LabFixtures.instant());
        LabProcedure procedure = new LabProcedure(lab);
        procedure.features();
        procedure.activeDirectory();
        procedure.directories();
        procedure.dfs();
    }

    @Test
    void onAFileServerOutsideTheEstateTheLabHoldsThatServerWithJustItsShare() {
        String file = "\\\\fileserver\\patches\\ECE_12.5_ES5.zip";
        lab.handwork().providePatchFile(file, SHA.toUpperCase(), "ES5");

        assertThat(lab.windows().sha256(LabFixtures.A, file)).isEqualTo(SHA);
        lab.windows().copyFile(LabFixtures.A, file, LabFixtures.A, "E:\\ES5.zip");
        assertThat(lab.windows().sha256(LabFixtures.A, "E:\\ES5.zip")).as("a copy keeps the registered checksum").isEqualTo(SHA);
        assertThat(lab.windows().readFile(LabFixtures.A, file)).contains("ES5\\readme.txt\nES5\\setup.bat\n");
        assertThatThrownBy(() -> lab.windows().readFile(LabFixtures.A, "\\\\fileserver\\other\\x.zip"))
                .hasMessageContaining("has no share other");
    }

    @Test
    void onTheDomainsNamespaceTheFileLandsOnAFolderTargetAndNoServerIsMadeUp() {
        String file = "\\\\massivedynamic.com\\ECE_Root\\ECE\\ES5.zip";
        lab.handwork().providePatchFile(file, SHA, "ES5");

        assertThat(lab.windows().sha256(LabFixtures.B, file)).isEqualTo(SHA);
        assertThat(lab.locked(() -> lab.context().state().hosts.keySet())).as("no server made up for the domain's name")
                .noneMatch(host -> host.toLowerCase(java.util.Locale.ROOT).startsWith("massivedynamic"));
    }

    @Test
    void aFileAlreadyThereIsLeftAsItIs() {
        lab.windows().ensureDirectory(LabFixtures.A, "E:\\Patches");
        lab.windows().writeFile(LabFixtures.A, "E:\\Patches\\ES5.zip", "what the rehearsal put there\n");
        lab.handwork().providePatchFile("\\\\" + LabFixtures.A + "\\E$\\Patches\\ES5.zip", SHA, "ES5");

        assertThat(lab.windows().readFile(LabFixtures.A, "E:\\Patches\\ES5.zip")).contains("what the rehearsal put there\n");
        assertThat(lab.windows().sha256(LabFixtures.A, "E:\\Patches\\ES5.zip")).isNotEqualTo(SHA);
    }
}
