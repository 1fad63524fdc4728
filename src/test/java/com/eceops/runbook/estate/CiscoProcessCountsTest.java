package com.eceops.runbook.estate;

import static com.eceops.runbook.estate.Inventories.massiveDynamicWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ece.ciscoProcesses}: the document's counts by default, an estate's own when given, reported when wrong. */
class CiscoProcessCountsTest {

    private static final String PCCE = "  pcce: true\n";

    @TempDir
    Path dir;

    @Test
    void theDocumentsCountsMakeAStartOnBothServersWhicheverIsTheBusierOne() {
        CiscoProcessCounts document = CiscoProcessCounts.DOCUMENT;
        assertThat(document.startedIn(List.of(25, 10))).isTrue();
        assertThat(document.startedIn(List.of(9, 20))).isTrue();
        assertThat(document.startedIn(List.of(19, 10))).as("the busier server short of 20").isFalse();
        assertThat(document.startedIn(List.of(25, 8))).as("the other short of 9").isFalse();
        assertThat(document.startedIn(List.of(3, 3))).as("a plateau far below").isFalse();
    }

    @Test
    void theSampleEstateUsesTheDocumentsCounts() {
        assertThat(Inventories.repositoryWith(dir, "massivedynamic", Inventories.massiveDynamic()).load("massivedynamic")
                .ece().ciscoProcesses()).isEqualTo(CiscoProcessCounts.DOCUMENT);
    }

    @Test
    void anEstateMayNameItsOwnCounts() {
        String yaml = massiveDynamicWith(PCCE, PCCE + "  ciscoProcesses:\n    mainServer: 35\n    otherServer: 9\n");
        assertThat(Inventories.repositoryWith(dir, "massivedynamic", yaml).load("massivedynamic").ece().ciscoProcesses())
                .isEqualTo(new CiscoProcessCounts(35, 9));
    }

    @Test
    void aCountOutOfRangeOrAnUnknownKeyIsReportedWithItsPathAndLine() {
        List<EstateProblem> problems = Inventories.problemsOf(dir, massiveDynamicWith(PCCE,
                PCCE + "  ciscoProcesses:\n    mainServer: 0\n    others: 9\n"));
        assertThat(Inventories.paths(problems)).contains("ece.ciscoProcesses.mainServer", "ece.ciscoProcesses.others");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.line()).isPositive());
    }
}
