package com.eceops.runbook.procedure.patchdatabases;

/** The process variables of the pre-patch backup and of the rollback's restore; form fields use the same names. */
public final class PatchDatabaseVariables {

    /** Output of BackUpDatabasesBeforePatch, input of RestoreDatabasesBeforePatch: {@link PrePatchBackupSet} as JSON. */
    public static final String PRE_PATCH_BACKUP_SET = "prePatchBackupSet";
    /** What RESTORE VERIFYONLY, a failed job or a check said about the files (the error message of the BPMN error). */
    public static final String PRE_PATCH_BACKUP_REPORT = "prePatchBackupReport";
    /** The DBA's answer after a failed backup: take the backups again, or give up. */
    public static final String TAKE_BACKUPS_AGAIN = "takeBackupsAgain";
    /** The primary and secondary replica as the rollback found them; the re-seed runs between these two. */
    public static final String ROLLBACK_PRIMARY = "rollbackPrimary";
    public static final String ROLLBACK_SECONDARY = "rollbackSecondary";

    /** The database one instance of the per-database subprocess works on (the multi-instance element). */
    public static final String PRE_PATCH_DATABASE = "prePatchDatabase";
    /**
     * Local to one database's backup: the replica that is primary at this attempt (found again on every attempt,
     * never mapped out to the caller); the backup file is on its disk.
     */
    public static final String PRE_PATCH_BACKUP_SERVER = "prePatchBackupServer";
    /** Local: DONE or RUNNING, what the last look at the detached job found. */
    public static final String PRE_PATCH_JOB_STATE = "prePatchJobState";
    /** Local: the finish (backup) or restore time the history showed before this job started, ISO-8601, or null. */
    public static final String PRE_PATCH_BASELINE = "prePatchBaseline";
    /** Local: where the detached job stands, in words, for the DBA's task when it runs too long. */
    public static final String PRE_PATCH_PROGRESS = "prePatchProgress";
    /** Working list while the backups are taken: one entry per database done, as JSON. */
    public static final String PRE_PATCH_BACKUP_ENTRIES = "prePatchBackupEntries";
    /** Restores this rollback instance finished (keyed by the instance, so a caller's stale copy counts for nothing). */
    public static final String PRE_PATCH_RESTORES_DONE = "prePatchRestoresDone";

    /** The DBA's decision when the rollback cannot restore by itself: checkAgain, giveUp or restoredByHand. */
    public static final String ROLLBACK_DECISION = "rollbackDecision";
    /** The DBA's corrected files, one {@code <database>=<path as the primary reads it>} per line. */
    public static final String CORRECTED_BACKUP_FILES = "correctedBackupFiles";
    /** Whether the machine found the databases restored by hand as recorded. */
    public static final String RESTORED_BY_HAND_VERIFIED = "restoredByHandVerified";

    static final String BACKUP_NOT_VERIFIED = "BackupNotVerified";
    static final String PRE_PATCH_BACKUP_UNUSABLE = "PrePatchBackupUnusable";
    static final String PRE_PATCH_RESTORE_FAILED = "PrePatchRestoreFailed";

    static final String DONE = "DONE";
    static final String RUNNING = "RUNNING";

    private PatchDatabaseVariables() {
    }
}
