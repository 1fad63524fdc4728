package com.eceops.runbook.procedure.systemchecks;

/** The variables of the SystemChecks process; form field and template names are the same. */
final class SystemCheckVariables {

    /** The inventory's four VMs as a Markdown table (sys-1). */
    static final String VIRTUAL_MACHINES = "virtualMachines";
    /** The operator's answer: all four VMs are deployed (sys-1). */
    static final String VIRTUAL_MACHINES_DEPLOYED = "virtualMachinesDeployed";
    /** Servers not on Windows Server 2016, one Markdown line each; empty when none (sys-2). */
    static final String OPERATING_SYSTEM_PROBLEMS = "operatingSystemProblems";
    /** Missing or too small E:/F: drives, one Markdown line each; empty when none (sys-3). */
    static final String DRIVE_PROBLEMS = "driveProblems";

    private SystemCheckVariables() {
    }
}
