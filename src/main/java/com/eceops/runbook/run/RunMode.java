package com.eceops.runbook.run;

import java.util.Arrays;
import java.util.Locale;

/** How a run acts, fixed when it starts. */
public enum RunMode {
    /** Acts on the simulated lab built from the inventory. */
    REHEARSAL,
    /** Records what would be done, for review before a window. */
    PLAN,
    /** Acts on the real servers. */
    LIVE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunMode parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new RunRefusedException("a run needs a run mode: rehearsal, plan or live");
        }
        return Arrays.stream(values()).filter(m -> m.id().equals(value.toString().trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new RunRefusedException("unknown run mode '" + value
                        + "': choose rehearsal, plan or live"));
    }
}
