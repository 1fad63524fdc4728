package com.eceops.runbook.plan;

/** How far a plan run got: a change board approves only a complete plan. */
public enum PlanState {
    /** The run is still walking the procedure. */
    WALKING,
    /** The run reached its end: every step it would take was walked. */
    COMPLETE,
    /** The run stopped with an incident; what follows the stop is not in the plan. */
    STOPPED,
    /** The run was cancelled before its end. */
    CANCELLED
}
