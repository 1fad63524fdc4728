package com.eceops.runbook.technology.powershell;

import com.eceops.runbook.operations.Change;
import java.util.Map;

/** Answer shapes the wire lab's technologies share. */
public final class WireAnswers {

    private WireAnswers() {
    }

    /**
     * A change script's answer ({@code changed}, {@code before}, {@code after}) from the lab's change. The texts are the
     * lab's: the runbook reads only whether something changed and shows the words.
     */
    public static Map<String, Object> changed(Change change) {
        return Map.of("changed", change.changed(), "before", String.valueOf(change.before()), "after", String.valueOf(change.after()));
    }
}
