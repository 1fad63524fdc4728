package com.eceops.runbook.procedure.patch;

import com.eceops.runbook.run.Var;

/** The process variables of the checks after the patch (and after its rollback): email processes and login pages. */
public final class PatchValidationVariables {

    public static final Var<Boolean> EMAIL_PROCESSES_OK = Var.bool("emailProcessesOk");
    public static final Var<String> EMAIL_PROCESSES_REPORT = Var.string("emailProcessesReport");
    public static final Var<Boolean> LOGIN_PAGES_OK = Var.bool("loginPagesOk");
    public static final Var<String> LOGIN_PAGES_REPORT = Var.string("loginPagesReport");

    private PatchValidationVariables() {
    }
}
