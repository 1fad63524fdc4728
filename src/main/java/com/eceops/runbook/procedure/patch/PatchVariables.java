package com.eceops.runbook.procedure.patch;

import java.util.Date;
import java.util.List;

import com.eceops.runbook.procedure.patchdatabases.PatchDatabaseVariables;
import com.eceops.runbook.run.Var;

/** The patch process's variables. */
public final class PatchVariables {

    public static final Var<String> PATCH_FILE = Var.string("patchFile");
    public static final Var<String> PATCH_CHECKSUM = Var.string("patchChecksum");
    public static final Var<String> PATCH_README = Var.string("patchReadme");
    public static final Var<String> WINDOW_CHOICE = Var.string("windowChoice");
    public static final Var<String> WINDOW_START = Var.string("windowStart");
    public static final Var<String> WINDOW_END = Var.string("windowEnd");
    public static final Var<String> WINDOW_ZONE = Var.string("windowZone");
    public static final Var<Date> WINDOW_OPENS_AT = Var.of("windowOpensAt", Date.class);
    public static final Var<String> REMINDER_LEAD_TIME = Var.string("reminderLeadTime");
    public static final Var<String> ESCALATION_LEAD_TIME = Var.string("escalationLeadTime");
    public static final Var<Date> REMIND_AT = Var.of("remindAt", Date.class);
    public static final Var<Date> ESCALATE_AT = Var.of("escalateAt", Date.class);
    public static final Var<String> REQUESTER = Var.string("requester");
    public static final Var<String> APPROVER = Var.string("approver");
    public static final Var<String> DECISION = Var.string("decision");
    public static final Var<List<String>> ALL_SERVERS = Var.listOf("allServers", String.class);
    public static final Var<List<String>> PREFLIGHT_PROBLEMS = Var.listOf("preflightProblems", String.class);
    public static final Var<Boolean> PREFLIGHT_PASSED = Var.bool("preflightPassed");
    public static final Var<String> PATCH_OUTCOME = Var.string("patchOutcome");
    public static final Var<Integer> REMINDERS_SENT = Var.integer("remindersSent");
    public static final String CHANGE_MANAGERS = "change-managers";
    /** The request as approved, one "name=value" line per sealed field (file, checksum, level, command, opening). */
    public static final Var<String> APPROVED_REQUEST = Var.string("approvedRequest");
    /** SHA-256 of the approved request, the approver and the time of approval, recorded with the approval. */
    public static final Var<String> APPROVAL_SEAL = Var.string("approvalSeal");
    /** Why the request went back to approval (a sealed value changed); shown on the approval form. */
    public static final Var<String> APPROVAL_REASON = Var.string("approvalReason");

    // In the window (PatchEce, CheckPatchWindow, RollBackPatch)
    /** The level readPatchLevel answers once the patch is installed, such as ES5 (the file name's stem unless given). */
    public static final Var<String> PATCH_LEVEL = Var.string("patchLevel");
    /** Optional: the readme's unattended install command, run detached in the unzipped patch folder. */
    public static final Var<String> PATCH_INSTALL_COMMAND = Var.string("patchInstallCommand");
    /** "host=level;host=level": each server's level before the window, which the rollback must bring back. */
    public static final Var<String> LEVELS_BEFORE_PATCH = Var.string("levelsBeforePatch");
    public static final Var<Boolean> ALREADY_PATCHED = Var.bool("alreadyPatched");
    /** The servers in the order patch-3 installs them: side-A collocated, side-B collocated, web A, web B. */
    public static final Var<List<String>> PATCH_ORDER = Var.listOf("patchOrder", String.class);
    public static final Var<Boolean> PRODUCTION_EMAIL = Var.bool("productionEmail");
    public static final Var<String> SYSTEM_PARTITION_URL = Var.string("systemPartitionUrl");
    public static final Var<String> BUSINESS_PARTITION_URL = Var.string("businessPartitionUrl");
    /** Whether patch-1.3 has started stopping ECE; RollBackPatch skips stop, restore and uninstall without it. */
    public static final Var<Boolean> SERVICES_STOPPED = Var.bool("servicesStopped");
    /** Whether patch-1.2 has been handed to the operators; RollBackPatch gives email back only when it was taken. */
    public static final Var<Boolean> EMAIL_STOPPED = Var.bool("emailStopped");
    public static final Var<String> INSTALL_STATE = Var.string("installState");
    public static final Var<String> INSTALL_REPORT = Var.string("installReport");
    public static final Var<Boolean> PATCH_LEVEL_VERIFIED = Var.bool("patchLevelVerified");
    public static final Var<String> PATCH_LEVEL_REPORT = Var.string("patchLevelReport");
    public static final Var<String> KEY_FILE_DIFF = Var.string("keyFileDiff");
    public static final Var<String> PATCH_ADDED_LINES = Var.string("patchAddedLines");
    public static final Var<Boolean> KEY_FILES_MERGED = Var.bool("keyFilesMerged");
    public static final Var<String> KEY_FILE_REPORT = Var.string("keyFileReport");
    public static final Var<String> CHANGED_CHAT_TEMPLATES = Var.string("changedChatTemplates");
    public static final Var<String> VALIDATION_DECISION = Var.string("validationDecision");
    public static final Var<Boolean> GADGET_LOGIN_WORKED = Var.bool("gadgetLoginWorked");
    public static final Var<Boolean> LEVEL_RESTORED = Var.bool("levelRestored");
    /** Written by BackUpDatabasesBeforePatch (patch-2.1), read by RestoreDatabasesBeforePatch in a rollback. */
    public static final Var<String> PRE_PATCH_BACKUP_SET = PatchDatabaseVariables.PRE_PATCH_BACKUP_SET;
    /** What FindDeferredReportsDatabase found: whether post-7 runs after this patch, and why. */
    public static final Var<String> REPORTS_DATABASE_AFTER_PATCH_REPORT = Var.string("reportsDatabaseAfterPatchReport");
    /** The operators' confirmations on their tasks in the window, which the rehearsal lab acts out. */
    public static final Var<Boolean> EMAIL_PROCESSES_STOPPED_BY_OPERATOR = Var.bool("emailProcessesStoppedByOperator");
    public static final Var<Boolean> EMAIL_PROCESSES_STARTED_BY_OPERATOR = Var.bool("emailProcessesStartedByOperator");
    public static final Var<Boolean> PATCH_INSTALLED_BY_OPERATOR = Var.bool("patchInstalledByOperator");
    public static final Var<Boolean> PATCH_UNINSTALLED_BY_OPERATOR = Var.bool("patchUninstalledByOperator");
    public static final Var<Boolean> KEY_FILES_MERGED_BY_OPERATOR = Var.bool("keyFilesMergedByOperator");
    /** Optional at the start: the space the backups need on each collocated server, in GB (text or number). */
    public static final Var<Long> BACKUP_SPACE_GB = Var.whole("backupSpaceGb");
    /** The operators' acknowledgement of the readme before the window, and who gave it. */
    public static final Var<Boolean> README_ACKNOWLEDGED = Var.bool("readmeAcknowledged");
    public static final Var<String> README_ACKNOWLEDGED_BY = Var.string("readmeAcknowledgedBy");
    /** The operator's confirmation on MergeChatTemplates. */
    public static final Var<Boolean> CHAT_TEMPLATES_MERGED = Var.bool("chatTemplatesMerged");

    // Names only, for the window and validation steps being reshaped into shared called processes, until they read
    // the Vars of WindowVariables and PatchValidationVariables.

    private PatchVariables() {
    }
}
