package com.eceops.runbook.plan;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document's order of step ids ({@code sys-4}, {@code pre-2.10}, {@code post-4}, {@code final-6},
 * {@code patch-2.1}): by section as a run meets them, then by number, part by part, so pre-2.10 follows pre-2.9.
 * An id of no known form goes last, by its text.
 */
final class ProcedureOrder {

    private static final List<String> SECTIONS = List.of("sys", "pre", "inst", "post", "final", "patch");
    private static final Pattern ID = Pattern.compile("([a-z]+)-(\\d+(?:\\.\\d+)*)");

    static final Comparator<String> STEPS = ProcedureOrder::compare;

    private ProcedureOrder() {
    }

    /** A step of several ids ({@code post-2, patch-1.3}) goes where its first id goes. */
    private static int compare(String a, String b) {
        int first = compareFirst(a.split(",")[0].trim(), b.split(",")[0].trim());
        return first != 0 ? first : a.compareTo(b);
    }

    private static int compareFirst(String a, String b) {
        Matcher x = ID.matcher(a);
        Matcher y = ID.matcher(b);
        boolean knownX = x.matches() && SECTIONS.contains(x.group(1));
        boolean knownY = y.matches() && SECTIONS.contains(y.group(1));
        if (!knownX || !knownY) {
            return knownX ? -1 : knownY ? 1 : a.compareTo(b);
        }
        int section = Integer.compare(SECTIONS.indexOf(x.group(1)), SECTIONS.indexOf(y.group(1)));
        if (section != 0) {
            return section;
        }
        String[] partsX = x.group(2).split("\\.");
        String[] partsY = y.group(2).split("\\.");
        for (int i = 0; i < Math.min(partsX.length, partsY.length); i++) {
            int part = Integer.compare(Integer.parseInt(partsX[i]), Integer.parseInt(partsY[i]));
            if (part != 0) {
                return part;
            }
        }
        return Integer.compare(partsX.length, partsY.length);
    }
}
