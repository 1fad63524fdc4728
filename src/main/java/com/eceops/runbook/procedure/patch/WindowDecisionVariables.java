package com.eceops.runbook.procedure.patch;

import java.util.Date;

import com.eceops.runbook.run.Var;

/** The variables of the window decision that its reminder and watch read and write. */
final class WindowDecisionVariables {

    /** The window as the patch request gives it, for people: "2026-11-28T22:00 to 2026-11-29T02:00 Europe/Berlin". */
    static final Var<String> WINDOW = Var.string("window");
    static final Var<Date> WINDOW_CLOSES_AT = Var.of("windowClosesAt", Date.class);
    /** Set by a rollback decision, never withdrawn (ApplyWindowDecisionDelegate, WindowCheckOutcome). */
    static final Var<Boolean> ROLL_BACK_REQUESTED = Var.bool("rollBackRequested");
    /** How many reminders a decision left open has raised. */
    static final Var<Integer> WINDOW_DECISION_REMINDERS = Var.integer("windowDecisionReminders");

    private WindowDecisionVariables() {
    }
}
