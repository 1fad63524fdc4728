package com.eceops.runbook.technology.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.technology.cluster.ValidationReport;

/** Test-Cluster's warning records read into failures and warnings, leaning to caution where the text is unknown. */
class ClusterValidationOutputTest {

    private static final String REPORT = "C:\\Windows\\Cluster\\Reports\\runbook-validation-20261125-213000.htm";
    private static final String NETWORK = "Network - Validate Network Communication: The test reported some warnings..";

    private static String verdict(String flags) {
        return "\r\nTest Result:\r\n" + flags + "\r\nTesting has completed for the tests you selected. You should review the"
                + " warnings in the Report.\r\nTest report file path: " + REPORT + "\r\n";
    }

    @Test
    void aConditionallyApprovedClusterPassesWithItsWarningsForReview() {
        ValidationReport report = ClusterValidationOutput.read(
                List.of(NETWORK, verdict("HadUnselectedTests, ClusterConditionallyApproved")), REPORT);

        assertThat(report.passed()).isTrue();
        assertThat(report.warnings()).containsExactly(NETWORK, "validation report: " + REPORT);
    }

    @Test
    void anApprovedClusterWithoutWarningsPassesCleanly() {
        ValidationReport report = ClusterValidationOutput.read(List.of(verdict("ClusterApproved")), REPORT);

        assertThat(report.passed()).isTrue();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void aVerdictThatIsNotAnApprovalFailsNamingTheReport() {
        ValidationReport report = ClusterValidationOutput.read(
                List.of(NETWORK, verdict("HadUnselectedTests, ClusterNotApproved")), REPORT);

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).singleElement().asString()
                .contains("HadUnselectedTests, ClusterNotApproved").contains(REPORT);
    }

    @Test
    void anUnknownFlagBesideAnApprovalStillFails() {
        ValidationReport report = ClusterValidationOutput.read(List.of(verdict("ClusterConditionallyApproved, SomethingNew")), REPORT);

        assertThat(report.passed()).isFalse();
    }

    @Test
    void aTestRecordThatSpeaksOfFailureIsAFailure() {
        String failed = "Inventory - List Fibre Channel Host Bus Adapters: The test failed.";
        ValidationReport report = ClusterValidationOutput.read(List.of(failed, verdict("ClusterConditionallyApproved")), REPORT);

        assertThat(report.failures()).containsExactly(failed);
    }

    @Test
    void aSinglePointOfFailureIsTestClustersWordingOfAWarningNotAFailedTest() {
        ValidationReport report = ClusterValidationOutput.read(List.of(
                "Network - Validate Network Communication: Node CC2K125ECEAA is reachable from Node CC2K125ECEAB by only one"
                        + " pair of network interfaces. It is possible that this network path is a single point of failure"
                        + " for communication within the cluster.",
                "Test Result: ClusterConditionallyApproved"), "C:\\r.htm");

        assertThat(report.failures()).isEmpty();
        assertThat(report.warnings()).anyMatch(w -> w.contains("single point of failure"));
    }

    @Test
    void noVerdictAtAllGoesToAPersonWithTheReport() {
        ValidationReport report = ClusterValidationOutput.read(List.of(), null);

        assertThat(report.passed()).isTrue();
        assertThat(report.warnings()).first().asString().contains("gave no verdict").contains("no report file");
    }
}
