package com.eceops.runbook.patch;

/** The names of the patch process's variables. */
public final class PatchVariables {

    public static final String PATCH_FILE = "patchFile";
    public static final String PATCH_CHECKSUM = "patchChecksum";
    public static final String PATCH_README = "patchReadme";
    public static final String WINDOW_CHOICE = "windowChoice";
    public static final String WINDOW_START = "windowStart";
    public static final String WINDOW_END = "windowEnd";
    public static final String WINDOW_ZONE = "windowZone";
    public static final String WINDOW_OPENS_AT = "windowOpensAt";
    public static final String WINDOW_CLOSES_AT = "windowClosesAt";
    public static final String WINDOW = "window";
    public static final String REMINDER_LEAD_TIME = "reminderLeadTime";
    public static final String ESCALATION_LEAD_TIME = "escalationLeadTime";
    public static final String REMIND_AT = "remindAt";
    public static final String ESCALATE_AT = "escalateAt";
    public static final String REQUESTER = "requester";
    public static final String APPROVER = "approver";
    public static final String DECISION = "decision";
    public static final String ALL_SERVERS = "allServers";
    public static final String PREFLIGHT_PROBLEMS = "preflightProblems";
    public static final String PREFLIGHT_PASSED = "preflightPassed";
    public static final String PATCH_OUTCOME = "patchOutcome";
    public static final String REMINDERS_SENT = "remindersSent";
    public static final String CHANGE_MANAGERS = "change-managers";

    private PatchVariables() {
    }
}
