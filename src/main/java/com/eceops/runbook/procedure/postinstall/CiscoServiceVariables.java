package com.eceops.runbook.procedure.postinstall;

import com.eceops.runbook.run.Var;

/**
 * The process variables of stopping and starting the Cisco service on the collocated servers and waiting for its
 * processes: post-installation, the final notes and the patch's validation all do it, with the same names.
 */
public final class CiscoServiceVariables {

    /** The process counts of the last check, "HOST=n" per collocated server. */
    public static final Var<String> CISCO_PROCESS_COUNTS = Var.string("ciscoProcessCounts");
    /** True when two checks in a row found the same, non-zero, counts on every server. */
    public static final Var<Boolean> CISCO_PROCESSES_SETTLED = Var.bool("ciscoProcessesSettled");
    /** True when post-5 is found done, so the first start of the Cisco service happened in an earlier run. */
    public static final Var<Boolean> CISCO_STARTED_BEFORE = Var.bool("ciscoServiceStartedBefore");
    public static final Var<Boolean> CISCO_PROCESSES_GONE = Var.bool("ciscoProcessesGone");
    public static final Var<String> CISCO_REPORT = Var.string("ciscoServiceReport");

    private CiscoServiceVariables() {
    }
}
