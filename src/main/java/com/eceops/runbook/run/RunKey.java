package com.eceops.runbook.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's business key, {@code <estate>.<mode>.<yyyyMMdd-HHmmss>-<run number>}: Cockpit lists it, so everybody sees which
 * estate and which mode an instance belongs to; the rehearsal lab and the plan are filed under it.
 */
public record RunKey(String estate, RunMode mode, String startedAt) {

    private static final Pattern FORMAT = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.(rehearsal|plan|live)\\.(\\d{8}-\\d{6}(?:-\\d+)?)");

    public static RunKey parse(String businessKey) {
        Matcher m = businessKey == null ? null : FORMAT.matcher(businessKey);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + businessKey + "' is not a run key (estate.mode.yyyyMMdd-HHmmss)");
        }
        return new RunKey(m.group(1), RunMode.parse(m.group(2)), m.group(3));
    }

    @Override
    public String toString() {
        return estate + "." + mode.id() + "." + startedAt;
    }
}
