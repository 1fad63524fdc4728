package com.eceops.runbook.procedure.systemchecks;

import com.eceops.runbook.run.Var;

/** The variables of the SystemChecks process; form field and template names are the same. */
final class SystemCheckVariables {

    /** The inventory's four VMs as a Markdown table (sys-1). */
    static final Var<String> VIRTUAL_MACHINES = Var.string("virtualMachines");
    /** The operator's answer: all four VMs are deployed (sys-1). */
    static final Var<Boolean> VIRTUAL_MACHINES_DEPLOYED = Var.bool("virtualMachinesDeployed");
    /** Servers not on Windows Server 2016, one Markdown line each; empty when none (sys-2). */
    static final Var<String> OPERATING_SYSTEM_PROBLEMS = Var.string("operatingSystemProblems");
    /** Missing or too small E:/F: drives, one Markdown line each; empty when none (sys-3). */
    static final Var<String> DRIVE_PROBLEMS = Var.string("driveProblems");

    /** "HOST: edition" per SQL Server, for the run's record. */
    static final Var<String> SQL_SERVER_EDITIONS = Var.string("sqlServerEditions");

    private SystemCheckVariables() {
    }
}
