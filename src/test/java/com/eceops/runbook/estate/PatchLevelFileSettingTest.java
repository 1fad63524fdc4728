package com.eceops.runbook.estate;

import static com.eceops.runbook.estate.Inventories.massiveDynamicWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ece.patchLevelFile}: absent by default, kept when it is a path below the ECE home, reported otherwise. */
class PatchLevelFileSettingTest {

    private static final String PCCE = "  pcce: true\n";

    @TempDir
    Path dir;

    @Test
    void theSampleNamesNoPatchLevelFile() {
        assertThat(Inventories.repositoryWith(dir, "massivedynamic", Inventories.massiveDynamic()).load("massivedynamic")
                .ece().patchLevelFile()).isNull();
    }

    @Test
    void aPathBelowTheEceHomeIsKept() {
        String yaml = massiveDynamicWith(PCCE, PCCE + "  patchLevelFile: 'eService\\patches\\installed.txt'\n");
        assertThat(Inventories.repositoryWith(dir, "massivedynamic", yaml).load("massivedynamic").ece().patchLevelFile())
                .isEqualTo("eService\\patches\\installed.txt");
    }

    @ParameterizedTest(name = "patchLevelFile: {0} is reported")
    @ValueSource(strings = {"'C:\\ECE\\patches.txt'", "'\\\\srv\\share\\patches.txt'", "'eService\\..\\..\\x.txt'", "'/etc/passwd'", "''"})
    void aPathOutsideTheEceHomeIsReportedWithItsLine(String value) {
        List<EstateProblem> problems = Inventories.problemsOf(dir, massiveDynamicWith(PCCE, PCCE + "  patchLevelFile: " + value + "\n"));
        assertThat(Inventories.paths(problems)).containsExactly("ece.patchLevelFile");
        assertThat(problems.get(0).message()).contains("below the ECE home");
        assertThat(problems.get(0).line()).isPositive();
    }
}
