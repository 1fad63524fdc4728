package com.eceops.runbook.procedure.patch;

import java.util.Date;

import com.eceops.runbook.run.Var;

/**
 * The process variables of the patch window: when it closes, whether each uninterruptible step still fits, and the
 * change managers' decisions when one does not. PatchEce, CheckPatchWindow and RollBackPatch share them.
 */
public final class WindowVariables {

    /** The window in words, for messages. */
    public static final Var<String> WINDOW = Var.string("window");
    public static final Var<Date> WINDOW_CLOSES_AT = Var.of("windowClosesAt", Date.class);
    /** The zone the window was given in, such as Europe/Zurich. */
    public static final Var<String> WINDOW_ZONE_ID = Var.string("windowZoneId");
    /** SHA-256 of the window's end and who set it (the approver, or a change manager's sealed extension). */
    public static final Var<String> WINDOW_END_SEAL = Var.string("windowEndSeal");
    /** The uninterruptible step a window check is about: stopServices, backUpDatabases, installPatch, startServices. */
    public static final Var<String> WINDOW_STEP = Var.string("windowStep");
    public static final Var<Boolean> STEP_FITS = Var.bool("stepFits");
    public static final Var<String> WINDOW_REPORT = Var.string("windowReport");
    /** Set by a change manager's decision (at a step or at the window's end); the next window check acts on it. */
    public static final Var<Boolean> ROLL_BACK_REQUESTED = Var.bool("rollBackRequested");
    /** The change manager's answer on DecideWindowOverrun. */
    public static final Var<String> WINDOW_DECISION = Var.string("windowDecision");
    /**
     * The extended end: the text the change manager typed on the form, replaced by the Date it means when the
     * decision is completed. Both are kept under this one name, so the variable holds either.
     */
    public static final Var<Object> NEW_WINDOW_END = Var.of("newWindowEnd", Object.class);
    public static final Var<String> WINDOW_DECIDED_BY = Var.string("windowDecidedBy");
    /** SHA-256 of the window decision as the change manager made it (decision, new end, who). */
    public static final Var<String> WINDOW_DECISION_SEAL = Var.string("windowDecisionSeal");
    /** Every decision of the run in words ("extended to ... by ...", "roll back decided by ..."), joined by "; ". */
    public static final Var<String> WINDOW_DECISIONS = Var.string("windowDecisions");
    /** How many reminders of an open window decision were sent. */
    public static final Var<Integer> WINDOW_DECISION_REMINDERS = Var.integer("windowDecisionReminders");

    private WindowVariables() {
    }
}
