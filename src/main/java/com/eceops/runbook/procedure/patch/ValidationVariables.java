package com.eceops.runbook.procedure.patch;

import com.eceops.runbook.run.Var;

/** What the machine's checks of patch-1.2, 4.4 and 4.6 (ValidationDelegates) leave for the model and the forms. */
final class ValidationVariables {

    /** Both partitions answered with ECE's login page (patch-4.4). */
    static final Var<Boolean> LOGIN_PAGES_OK = Var.bool("loginPagesOk");
    /** One line per partition: its URL and what it answered. */
    static final Var<String> LOGIN_PAGES_REPORT = Var.string("loginPagesReport");
    /** Every email process in the wanted state (patch-1.2 stopped, patch-4.6 running). */
    static final Var<Boolean> EMAIL_PROCESSES_OK = Var.bool("emailProcessesOk");
    static final Var<String> EMAIL_PROCESSES_REPORT = Var.string("emailProcessesReport");

    private ValidationVariables() {
    }
}
