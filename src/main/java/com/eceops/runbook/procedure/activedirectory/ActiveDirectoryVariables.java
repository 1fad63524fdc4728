package com.eceops.runbook.procedure.activedirectory;

import com.eceops.runbook.run.Var;

/** The variables of the ActiveDirectory process; form field and template names are the same. */
public final class ActiveDirectoryVariables {

    /** True when the runbook prepares Active Directory itself (domain-admin credential and management host). */
    static final Var<Boolean> AUTOMATED = Var.bool("activeDirectoryAutomated");
    /** The domain administrators' checklist with the inventory's values (Markdown). */
    static final Var<String> CHECKLIST = Var.string("activeDirectoryChecklist");
    /** The items found missing by the last verification (Markdown list; empty when none). */
    public static final Var<String> MISSING = Var.string("activeDirectoryMissing");
    /** True when the last verification found every item. */
    static final Var<Boolean> COMPLETE = Var.bool("activeDirectoryComplete");
    /** The duplicate listener SPNs found (the BPMN error's message); empty when none. */
    public static final Var<String> SPN_CONFLICTS = Var.string("spnConflicts");

    /** The listener's SPNs, for the domain admins' confirmation. */
    static final Var<String> LISTENER_SPNS = Var.string("listenerSpns");

    private ActiveDirectoryVariables() {
    }
}
