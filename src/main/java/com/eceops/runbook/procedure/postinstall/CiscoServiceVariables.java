package com.eceops.runbook.procedure.postinstall;

import com.eceops.runbook.run.Var;

/**
 * The process variables of the called processes StopEce and StartEce (the Cisco service stopped or started on
 * both collocated servers and waited for) and of post-2's question whether the first start happened before.
 * Post-installation, the patch, its rollback and the final notes call the same two processes.
 */
public final class CiscoServiceVariables {

    /** The process counts of the last check, "HOST=n" per collocated server. */
    public static final Var<String> CISCO_PROCESS_COUNTS = Var.string("ciscoProcessCounts");
    /** True when both servers run the document's started counts ({@code ece.ciscoProcesses}). */
    public static final Var<Boolean> CISCO_PROCESSES_SETTLED = Var.bool("ciscoProcessesSettled");
    public static final Var<Boolean> CISCO_PROCESSES_GONE = Var.bool("ciscoProcessesGone");
    /** When the start or stop was sent, by the servers' time (the lab's in a rehearsal): the wait's reference. */
    public static final Var<String> CISCO_WAIT_SINCE = Var.string("ciscoWaitSince");
    /** True when the wait has taken longer than the document allows (patchStepEstimates) without its end in sight. */
    public static final Var<Boolean> CISCO_WAITED_TOO_LONG = Var.bool("ciscoWaitedTooLong");
    /** What the last check saw, shown by the escalation's form. */
    public static final Var<String> CISCO_REPORT = Var.string("ciscoServiceReport");
    /** True when post-5 is found done, so the first start of the Cisco service happened in an earlier run. */
    public static final Var<Boolean> CISCO_STARTED_BEFORE = Var.bool("ciscoServiceStartedBefore");

    private CiscoServiceVariables() {
    }
}
