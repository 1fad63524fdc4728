package com.eceops.runbook.procedure.patch;

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
    /** The request as approved, one "name=value" line per sealed field (file, checksum, level, command, opening). */
    public static final String APPROVED_REQUEST = "approvedRequest";
    /** SHA-256 of the approved request, the approver and the time of approval, recorded with the approval. */
    public static final String APPROVAL_SEAL = "approvalSeal";
    /** Why the request went back to approval (a sealed value changed); shown on the approval form. */
    public static final String APPROVAL_REASON = "approvalReason";
    /** SHA-256 of the window's end and who set it (the approver, or a change manager's sealed extension). */
    public static final String WINDOW_END_SEAL = "windowEndSeal";

    // In the window (PatchEce, CheckPatchWindow, RollBackPatch)
    /** The level readPatchLevel answers once the patch is installed, such as ES5 (the file name's stem unless given). */
    public static final String PATCH_LEVEL = "patchLevel";
    /** Optional: the readme's unattended install command, run detached in the unzipped patch folder. */
    public static final String PATCH_INSTALL_COMMAND = "patchInstallCommand";
    public static final String WINDOW_ZONE_ID = "windowZoneId";
    /** "host=level;host=level": each server's level before the window, which the rollback must bring back. */
    public static final String LEVELS_BEFORE_PATCH = "levelsBeforePatch";
    public static final String ALREADY_PATCHED = "alreadyPatched";
    /** The servers in the order patch-3 installs them: side-A collocated, side-B collocated, web A, web B. */
    public static final String PATCH_ORDER = "patchOrder";
    public static final String PRODUCTION_EMAIL = "productionEmail";
    public static final String SYSTEM_PARTITION_URL = "systemPartitionUrl";
    public static final String BUSINESS_PARTITION_URL = "businessPartitionUrl";
    public static final String EMAIL_PROCESSES_OK = "emailProcessesOk";
    public static final String EMAIL_PROCESSES_REPORT = "emailProcessesReport";
    /** The uninterruptible step a window check is about: stopServices, backUpDatabases, installPatch, startServices. */
    public static final String WINDOW_STEP = "windowStep";
    public static final String STEP_FITS = "stepFits";
    public static final String WINDOW_REPORT = "windowReport";
    /** Set by a change manager's decision (at a step or at the window's end); the next window check acts on it. */
    public static final String ROLL_BACK_REQUESTED = "rollBackRequested";
    /** Whether patch-1.3 has started stopping ECE; RollBackPatch skips stop, restore and uninstall without it. */
    public static final String SERVICES_STOPPED = "servicesStopped";
    /** Whether patch-1.2 has been handed to the operators; RollBackPatch gives email back only when it was taken. */
    public static final String EMAIL_STOPPED = "emailStopped";
    public static final String WINDOW_DECISION = "windowDecision";
    public static final String NEW_WINDOW_END = "newWindowEnd";
    public static final String WINDOW_DECIDED_BY = "windowDecidedBy";
    /** SHA-256 of the window decision as the change manager made it (decision, new end, who). */
    public static final String WINDOW_DECISION_SEAL = "windowDecisionSeal";
    public static final String WINDOW_DECISIONS = "windowDecisions";
    public static final String INSTALL_STATE = "installState";
    public static final String INSTALL_REPORT = "installReport";
    public static final String PATCH_LEVEL_VERIFIED = "patchLevelVerified";
    public static final String PATCH_LEVEL_REPORT = "patchLevelReport";
    public static final String KEY_FILE_DIFF = "keyFileDiff";
    public static final String PATCH_ADDED_LINES = "patchAddedLines";
    public static final String KEY_FILES_MERGED = "keyFilesMerged";
    public static final String KEY_FILE_REPORT = "keyFileReport";
    public static final String CHANGED_CHAT_TEMPLATES = "changedChatTemplates";
    public static final String LOGIN_PAGES_OK = "loginPagesOk";
    public static final String LOGIN_PAGES_REPORT = "loginPagesReport";
    public static final String VALIDATION_DECISION = "validationDecision";
    public static final String GADGET_LOGIN_WORKED = "gadgetLoginWorked";
    public static final String LEVEL_RESTORED = "levelRestored";
    /** Written by BackUpDatabasesBeforePatch (patch-2.1), read by RestoreDatabasesBeforePatch in a rollback. */
    public static final String PRE_PATCH_BACKUP_SET = "prePatchBackupSet";

    private PatchVariables() {
    }
}
