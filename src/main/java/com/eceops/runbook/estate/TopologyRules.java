package com.eceops.runbook.estate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the two sides fit together and what ECE release they run: the availability group needs the same SQL
 * instance name on both replicas, and each web server forwards to the collocated server of its own side.
 */
final class TopologyRules implements EstateRule {

    private static final Pattern VERSION = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    @Override
    public void check(Estate estate, Findings findings) {
        Side a = estate.sideA();
        Side b = estate.sideB();
        if (a != null && b != null && a.collocated() != null && b.collocated() != null) {
            String instanceA = a.collocated().sqlInstance();
            String instanceB = b.collocated().sqlInstance();
            if (instanceA != null && instanceB != null && !instanceA.equalsIgnoreCase(instanceB)) {
                findings.add("sides.b.collocated.sqlInstance", "the SQL instance " + instanceB
                        + " differs from side A's " + instanceA + "; both replicas must use the same instance name");
            }
        }
        for (Side side : new Side[] {a, b}) {
            if (side != null && side.web() != null && side.web().applicationServer() != null) {
                String expected = side.collocated() == null ? null : side.collocated().name();
                if (expected != null && !side.web().applicationServer().equalsIgnoreCase(expected)) {
                    findings.add("sides." + side.id() + ".web.applicationServer", "the web server must forward to "
                            + expected + ", the collocated server of side " + side.id().toUpperCase() + ", not "
                            + side.web().applicationServer());
                }
            }
        }
        if (estate.ece() != null && estate.ece().version() != null && !known(estate.ece().version())) {
            findings.add("ece.version", "ECE version '" + estate.ece().version()
                    + "' is not one this runbook knows (12.0, or 12.5 and later 12.x)");
        }
    }

    // 12.1 to 12.4 were never released; a new major is a new procedure, not this one.
    static boolean known(String version) {
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major == 12 && (minor == 0 || minor >= 5);
    }
}
