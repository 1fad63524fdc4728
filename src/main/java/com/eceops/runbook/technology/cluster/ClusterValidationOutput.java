package com.eceops.runbook.technology.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.eceops.runbook.technology.cluster.ValidationReport;

/**
 * Reads Test-Cluster's verdict from the warning records it writes. Microsoft documents only the outputs (the report
 * file and ClusterTestInfo), not these texts; they are read as administrators see them in the console: one record
 * per test that did not pass cleanly ("Network - Validate Network Communication: The test reported some
 * warnings..") and one overall record "Test Result:" followed by flags such as "HadUnselectedTests,
 * ClusterConditionallyApproved". The reading leans to caution:
 * <ul>
 *   <li>a verdict flag other than ClusterApproved/ClusterConditionallyApproved is a failure (validation blocks);</li>
 *   <li>a per-test record that speaks of failing is a failure;</li>
 *   <li>every other per-test record is a warning, for the operator's review;</li>
 *   <li>no verdict at all is a warning that names the report, so a person reads it before the cluster is created.</li>
 * </ul>
 */
final class ClusterValidationOutput {

    static final String RESULT_MARK = "Test Result:";
    private static final List<String> APPROVED = List.of("ClusterApproved", "ClusterConditionallyApproved");
    /** Flags that describe the run, not the cluster. */
    private static final List<String> INFORMATIONAL = List.of("HadUnselectedTests");

    private ClusterValidationOutput() {
    }

    static ValidationReport read(List<String> messages, String reportPath) {
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String report = reportPath == null || reportPath.isBlank() ? "(no report file was returned)" : reportPath;
        List<String> verdict = null;
        for (String message : messages == null ? List.<String>of() : messages) {
            String text = message == null ? "" : message.strip();
            int mark = text.indexOf(RESULT_MARK);
            if (mark >= 0) {
                verdict = flags(text.substring(mark + RESULT_MARK.length()));
            } else if (!text.isEmpty()) {
                (speaksOfFailure(text) ? failures : warnings).add(text);
            }
        }
        if (verdict == null) {
            warnings.add("Test-Cluster gave no verdict in its output; read the validation report " + report);
        } else {
            List<String> refused = verdict.stream()
                    .filter(flag -> !APPROVED.contains(flag) && !INFORMATIONAL.contains(flag)).toList();
            boolean approved = verdict.stream().anyMatch(APPROVED::contains);
            if (!approved || !refused.isEmpty()) {
                failures.add("Test-Cluster's verdict is " + String.join(", ", verdict) + "; see the validation report " + report);
            }
        }
        if (!failures.isEmpty() || !warnings.isEmpty()) {
            warnings.add("validation report: " + report);
        }
        return new ValidationReport(List.copyOf(failures), List.copyOf(warnings));
    }

    /** The first line after the mark holds the comma-separated flags; the sentences after it are prose. */
    private static List<String> flags(String afterMark) {
        String line = afterMark.strip().lines().findFirst().orElse("");
        return Arrays.stream(line.split(",")).map(String::strip).filter(flag -> !flag.isEmpty()).toList();
    }

    /**
     * "Single point of failure" is how Test-Cluster words a warning (one network path between two nodes), not a
     * failed test: it is taken out before the words of failing are looked for.
     */
    private static boolean speaksOfFailure(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("point of failure", "point of loss");
        return lower.contains("failed") || lower.contains("failure") || lower.contains("did not pass");
    }
}
