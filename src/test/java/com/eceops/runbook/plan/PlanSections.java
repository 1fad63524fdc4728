package com.eceops.runbook.plan;

/** Reads a plan document the way a change board does: one step's commands at a time. */
public final class PlanSections {

    private PlanSections() {
    }

    /** The commands of {@code step} in a Markdown plan, from its heading to the next step's; empty when it has none. */
    public static String step(String plan, String step) {
        String heading = "\n### " + step + "\n";
        int start = plan.indexOf(heading);
        if (start < 0) {
            return "";
        }
        int end = plan.indexOf("\n### ", start + heading.length());
        return plan.substring(start + 1, end < 0 ? plan.length() : end + 1);
    }
}
