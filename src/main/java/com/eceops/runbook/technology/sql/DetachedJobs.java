package com.eceops.runbook.technology.sql;

/**
 * Names of the SQL Server Agent jobs that run the pre-patch BACKUP and the rollback RESTORE on the server itself,
 * detached from the runbook's job executor (whose lock is shorter than a production-sized backup). One job per
 * database and file, so a retried start finds the job it already started. Lab and T-SQL use the same names.
 */
public final class DetachedJobs {

    private DetachedJobs() {
    }

    public static String backupBeforePatch(String database, String path) {
        return limit("ECE runbook: BACKUP " + database + " to " + fileName(path));
    }

    public static String restoreBeforePatch(String database, String path) {
        return limit("ECE runbook: RESTORE " + database + " from " + fileName(path));
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(slash + 1);
    }

    /** A job name is sysname: 128 characters at most. */
    private static String limit(String name) {
        return name.length() <= 128 ? name : name.substring(0, 128);
    }
}
