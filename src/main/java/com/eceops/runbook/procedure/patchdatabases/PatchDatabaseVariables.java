package com.eceops.runbook.procedure.patchdatabases;

import com.eceops.runbook.run.Var;

/** The process variables of the pre-patch backup and of the rollback's restore; form fields use the same names. */
public final class PatchDatabaseVariables {

    /** Output of BackUpDatabasesBeforePatch, input of RestoreDatabasesBeforePatch: {@link PrePatchBackupSet} as JSON. */
    public static final Var<String> PRE_PATCH_BACKUP_SET = Var.string("prePatchBackupSet");
    /** What RESTORE VERIFYONLY, a failed job or a check said about the files (the error message of the BPMN error). */
    public static final Var<String> PRE_PATCH_BACKUP_REPORT = Var.string("prePatchBackupReport");
    /** The DBA's answer after a failed backup: take the backups again, or give up. */
    public static final Var<Boolean> TAKE_BACKUPS_AGAIN = Var.bool("takeBackupsAgain");
    /** The primary and secondary replica as the rollback found them; the re-seed runs between these two. */
    public static final Var<String> ROLLBACK_PRIMARY = Var.string("rollbackPrimary");
    public static final Var<String> ROLLBACK_SECONDARY = Var.string("rollbackSecondary");

    /** The database one instance of the per-database subprocess works on (the multi-instance element). */
    public static final Var<String> PRE_PATCH_DATABASE = Var.string("prePatchDatabase");
    /**
     * Local to one database's backup: the replica that is primary at this attempt (found again on every attempt,
     * never mapped out to the caller); the backup file is on its disk.
     */
    public static final Var<String> PRE_PATCH_BACKUP_SERVER = Var.string("prePatchBackupServer");
    /** Local: DONE or RUNNING, what the last look at the detached job found. */
    public static final Var<String> PRE_PATCH_JOB_STATE = Var.string("prePatchJobState");
    /** Local: the finish (backup) or restore time the history showed before this job started, ISO-8601, or null. */
    public static final Var<String> PRE_PATCH_BASELINE = Var.string("prePatchBaseline");
    /** Local: where the detached job stands, in words, for the DBA's task when it runs too long. */
    public static final Var<String> PRE_PATCH_PROGRESS = Var.string("prePatchProgress");
    /** Working list while the backups are taken: one entry per database done, as JSON. */
    public static final Var<String> PRE_PATCH_BACKUP_ENTRIES = Var.string("prePatchBackupEntries");
    /** Restores this rollback instance finished (keyed by the instance, so a caller's stale copy counts for nothing). */
    public static final Var<String> PRE_PATCH_RESTORES_DONE = Var.string("prePatchRestoresDone");

    /** The DBA's decision when the rollback cannot restore by itself: checkAgain, giveUp or restoredByHand. */
    public static final Var<String> ROLLBACK_DECISION = Var.string("rollbackDecision");
    /** The DBA's corrected files, one {@code <database>=<path as the primary reads it>} per line. */
    public static final Var<String> CORRECTED_BACKUP_FILES = Var.string("correctedBackupFiles");
    /** Whether the machine found the databases restored by hand as recorded. */
    public static final Var<Boolean> RESTORED_BY_HAND_VERIFIED = Var.bool("restoredByHandVerified");

    static final String BACKUP_NOT_VERIFIED = "BackupNotVerified";
    static final String PRE_PATCH_BACKUP_UNUSABLE = "PrePatchBackupUnusable";
    static final String PRE_PATCH_RESTORE_FAILED = "PrePatchRestoreFailed";

    static final String DONE = "DONE";
    static final String RUNNING = "RUNNING";

    private PatchDatabaseVariables() {
    }
}
