package com.eceops.runbook.technology.sql;

import static com.eceops.runbook.technology.sql.TSql.name;
import static com.eceops.runbook.technology.sql.TSql.text;

/**
 * Database-level T-SQL of the procedure: the seeding database, recovery model, backups and restores
 * (pre-6.2, post-3, post-4, patch-2.1). Pure functions: typed values in, T-SQL out.
 */
final class DatabaseStatements {

    /** How a backup is written: the document compresses the initial and weekly backups, not the log chain. */
    record BackupOptions(String backupSetName, boolean compression, int statsPercent, boolean copyOnly, boolean checksum) {
        BackupOptions(String backupSetName, boolean compression, int statsPercent) {
            this(backupSetName, compression, statsPercent, false, false);
        }
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

    /**
     * Rollback on the primary, and re-seeding on the secondary: restores over an existing database. REPLACE
     * skips the safety check that would refuse it (a database of that name exists, its log tail not backed up);
     * FILE names the backup set in the file (1 with INIT).
     */
    static String restoreDatabaseReplacing(String database, String path, int position, SqlServerOperations.Recovery recovery) {
        if (position < 1) {
            throw new IllegalArgumentException("a backup set position starts at 1: " + position);
        }
        return "RESTORE DATABASE " + name(database) + "\n FROM DISK = " + text(path) + "\n WITH FILE = " + TSql.number(position)
                + ", REPLACE, " + recovery.name() + ", STATS = 25;";
    }

    /**
     * patch-2.1: the backup set name the document gives its pre-patch backups; no compression, as there. COPY_ONLY,
     * so that this extra full backup does not become the differential base of the scheduled plan (post-9); CHECKSUM,
     * so that VERIFYONLY and the restore can check every page against it.
     */
    static BackupOptions beforePatch(String database) {
        return new BackupOptions(database + "-Full Backup Before Patch", false, 25, true, true);
    }

    /**
     * patch-2.1 and rollback: proves the backup set at {@code position} is complete and readable, and its page
     * checksums right, without restoring it. Without FILE, VERIFYONLY reads the first set only.
     */
    static String verifyBackup(String path, int position) {
        return "RESTORE VERIFYONLY FROM DISK = " + text(path) + "\n WITH FILE = " + TSql.number(checkedPosition(position)) + ", CHECKSUM;";
    }

    /** Rollback: the header of one backup set, read from the file (DatabaseName, BackupType, FirstLSN, LastLSN). */
    static String readHeader(String path, int position) {
        return "RESTORE HEADERONLY FROM DISK = " + text(path) + "\n WITH FILE = " + TSql.number(checkedPosition(position)) + ";";
    }

    /**
     * Rollback on the primary, run as one job step in master: REPLACE needs exclusive use of the database (error
     * 3101 otherwise), so every other session is put out first (SINGLE_USER WITH ROLLBACK IMMEDIATE) in the same
     * batch, leaving no gap for a reconnect. The restore brings back the options the backup had (MULTI_USER); the
     * last statement makes sure of it, also after a restore that ran from a backup taken in single-user mode.
     */
    static String restoreBeforePatch(String database, String path, int position) {
        String db = text(database);
        return "IF DB_ID(" + db + ") IS NOT NULL\n    ALTER DATABASE " + name(database) + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE;\n"
                + "RESTORE DATABASE " + name(database) + "\n FROM DISK = " + text(path) + "\n WITH FILE = "
                + TSql.number(checkedPosition(position)) + ", REPLACE, RECOVERY, CHECKSUM, STATS = 5;\n"
                + "IF EXISTS (SELECT 1 FROM sys.databases WHERE name = " + db + " AND user_access_desc <> N'MULTI_USER')\n"
                + "    ALTER DATABASE " + name(database) + " SET MULTI_USER;";
    }

    private static int checkedPosition(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("a backup set position starts at 1: " + position);
        }
        return position;
    }

    /**
     * INIT: each of these backups goes to a file of its own, and the restore that reads it takes the first backup
     * set (RESTORE's FILE defaults to 1). Without INIT (NOINIT is BACKUP's default) a rerun, or a file left from an
     * earlier attempt, appends a second set, and the restore would read the stale first one.
     */
    private static String with(BackupOptions options) {
        StringBuilder with = new StringBuilder("INIT, ");
        if (options.copyOnly()) {
            with.append("COPY_ONLY, ");
        }
        if (options.checksum()) {
            with.append("CHECKSUM, ");
        }
        with.append("NAME = ").append(text(options.backupSetName()));
        if (options.compression()) {
            with.append(", COMPRESSION");
        }
        if (options.statsPercent() > 0) {
            with.append(", STATS = ").append(options.statsPercent());
        }
        return with.toString();
    }
}
