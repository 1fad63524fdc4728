package com.eceops.runbook.procedure.activedirectory;

/** The variables of the ActiveDirectory process; form field and template names are the same. */
public final class ActiveDirectoryVariables {

    /** True when the runbook prepares Active Directory itself (domain-admin credential and management host). */
    static final String AUTOMATED = "activeDirectoryAutomated";
    /** The domain administrators' checklist with the inventory's values (Markdown). */
    static final String CHECKLIST = "activeDirectoryChecklist";
    /** The items found missing by the last verification (Markdown list; empty when none). */
    public static final String MISSING = "activeDirectoryMissing";
    /** True when the last verification found every item. */
    static final String COMPLETE = "activeDirectoryComplete";
    /** The duplicate listener SPNs found (the BPMN error's message); empty when none. */
    public static final String SPN_CONFLICTS = "spnConflicts";

    private ActiveDirectoryVariables() {
    }
}
