package com.eceops.runbook.procedure.windows;

import com.eceops.runbook.run.Var;

/** The process variables of the Windows steps: features added, and a restart waited for. */
final class WindowsServerVariables {

    /** Whether adding the Windows features asked for a restart. */
    static final Var<Boolean> RESTART_NEEDED = Var.bool("restartNeeded");
    /** Whether the restarted server answers again (a timer-and-check loop). */
    static final Var<Boolean> SERVER_BACK = Var.bool("serverBack");

    private WindowsServerVariables() {
    }
}
