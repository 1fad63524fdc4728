package com.eceops.runbook.patchdatabases;

/** The process variables of the pre-patch backup and of the rollback's restore; form fields use the same names. */
public final class PatchDatabaseVariables {

    /** Output of BackUpDatabasesBeforePatch, input of RestoreDatabasesBeforePatch: {@link PrePatchBackupSet} as JSON. */
    public static final String PRE_PATCH_BACKUP_SET = "prePatchBackupSet";
    /** The replica that took this run's pre-patch backups (the one the listener pointed to); their files are on its disk. */
    public static final String PRE_PATCH_BACKUP_SERVER = "prePatchBackupServer";
    /** What RESTORE VERIFYONLY said about the files that failed it (the error message of the BPMN error). */
    public static final String PRE_PATCH_BACKUP_REPORT = "prePatchBackupReport";
    /** The DBA's answer after a failed verification: take the backups again, or give up. */
    public static final String TAKE_BACKUPS_AGAIN = "takeBackupsAgain";
    /** The primary and secondary replica as the rollback found them; the re-seed runs between these two. */
    public static final String ROLLBACK_PRIMARY = "rollbackPrimary";
    public static final String ROLLBACK_SECONDARY = "rollbackSecondary";

    static final String BACKUP_NOT_VERIFIED = "BackupNotVerified";
    static final String PRE_PATCH_BACKUP_UNUSABLE = "PrePatchBackupUnusable";

    private PatchDatabaseVariables() {
    }
}
