package com.eceops.runbook.sql;

import static com.eceops.runbook.sql.TSql.name;
import static com.eceops.runbook.sql.TSql.text;

/**
 * Database-level T-SQL of the procedure: the seeding database, recovery model, backups and restores
 * (pre-6.2, post-3, post-4, patch-2.1). Pure functions: typed values in, T-SQL out.
 */
final class DatabaseStatements {

    /** How a backup is written: the document compresses the initial and weekly backups, not the log chain. */
    record BackupOptions(String backupSetName, boolean compression, int statsPercent) {
    }

    private DatabaseStatements() {
    }

    /**
     * pre-6.2. The document asks for 1024 KB files growing by 8 KB; SQL Server 2016 refuses a primary file
     * smaller than model's (8 MB by default, error 1803), so the sizes here are model's defaults.
     */
    static String createSeedingDatabase(String database, String dataDirectory) {
        String dir = dataDirectory.endsWith("\\") ? dataDirectory : dataDirectory + "\\";
        return "CREATE DATABASE " + name(database) + "\n"
                + " ON PRIMARY (NAME = " + text(database) + ", FILENAME = " + text(dir + database + ".mdf")
                + ", SIZE = 8MB, FILEGROWTH = 64MB)\n"
                + " LOG ON (NAME = " + text(database + "_log") + ", FILENAME = " + text(dir + database + "_log.ldf")
                + ", SIZE = 8MB, FILEGROWTH = 64MB);";
    }

    /** pre-6.2, post-3.1. */
    static String setRecoveryModel(String database, SqlServerOperations.RecoveryModel model) {
        return "ALTER DATABASE " + name(database) + " SET RECOVERY " + model.name() + ";";
    }

    /** pre-6.2, post-3.2, patch-2.1: a full backup to one file. */
    static String backupDatabase(String database, String path, BackupOptions options) {
        return "BACKUP DATABASE " + name(database) + "\n TO DISK = " + text(path) + "\n WITH " + with(options) + ";";
    }

    /** post-3.3. */
    static String backupLog(String database, String path, BackupOptions options) {
        return "BACKUP LOG " + name(database) + "\n TO DISK = " + text(path) + "\n WITH " + with(options) + ";";
    }

    /** post-4 on the secondary. */
    static String restoreDatabase(String database, String path, SqlServerOperations.Recovery recovery) {
        return "RESTORE DATABASE " + name(database) + "\n FROM DISK = " + text(path) + "\n WITH " + recovery.name()
                + ", STATS = 25;";
    }

    /** post-4 on the secondary, after the full restore. */
    static String restoreLog(String database, String path, SqlServerOperations.Recovery recovery) {
        return "RESTORE LOG " + name(database) + "\n FROM DISK = " + text(path) + "\n WITH " + recovery.name() + ";";
    }

    /** patch-2.1: proves the pre-patch backup set is complete and readable, without restoring it (no CHECKSUM: the document's backup has none, error 3187). */
    static String verifyBackup(String path) {
        return "RESTORE VERIFYONLY FROM DISK = " + text(path) + ";";
    }

    /**
     * INIT: each of these backups goes to a file of its own, and the restore that reads it takes the first backup
     * set (RESTORE's FILE defaults to 1). Without INIT (NOINIT is BACKUP's default) a rerun, or a file left from an
     * earlier attempt, appends a second set, and the restore would read the stale first one.
     */
    private static String with(BackupOptions options) {
        StringBuilder with = new StringBuilder("INIT, NAME = ").append(text(options.backupSetName()));
        if (options.compression()) {
            with.append(", COMPRESSION");
        }
        if (options.statsPercent() > 0) {
            with.append(", STATS = ").append(options.statsPercent());
        }
        return with.toString();
    }
}
