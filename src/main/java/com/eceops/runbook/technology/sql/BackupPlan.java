package com.eceops.runbook.technology.sql;

import static com.eceops.runbook.technology.sql.TSql.name;
import static com.eceops.runbook.technology.sql.TSql.text;

import java.util.List;

/**
 * The backup plan of post-9 as four Agent jobs: full weekly (Sunday 01:30, compressed, 8 weeks), differential
 * daily except Sunday (01:30, compressed, 2 weeks), log every minute from 01:30 (uncompressed, 49 hours), and
 * a purge. Full and differential backups run only where the database is primary: a secondary replica takes
 * only COPY_ONLY full and log backups. Log backups run where sys.fn_hadr_backup_is_preferred_replica says.
 * The purge uses master.dbo.xp_delete_file, which is what maintenance plans' cleanup task runs but is not
 * documented by Microsoft, and msdb.dbo.sp_delete_backuphistory, which is.
 */
public final class BackupPlan {

    static final String FULL_JOB = "ECE full backup";
    static final String DIFFERENTIAL_JOB = "ECE differential backup";
    /** The log backup job, which the rollback stops while the databases are out of the group. */
    public static final String LOG_JOB = "ECE log backup";
    static final String PURGE_JOB = "ECE backup purge";

    private BackupPlan() {
    }

    /** The four jobs for these databases, backing up to {@code backupDirectory}; the same on both replicas. */
    public static List<AgentJob> jobs(List<String> databases, String backupDirectory) {
        String dir = backupDirectory.endsWith("\\") ? backupDirectory : backupDirectory + "\\";
        return List.of(
                new AgentJob(FULL_JOB, "weekly Sunday 01:30", backups(databases, dir, "DATABASE", "FULL", "bak",
                        "COMPRESSION, CHECKSUM", "sys.fn_hadr_is_primary_replica")),
                new AgentJob(DIFFERENTIAL_JOB, "daily except Sunday 01:30", backups(databases, dir, "DATABASE", "DIFF", "dif",
                        "DIFFERENTIAL, COMPRESSION, CHECKSUM", "sys.fn_hadr_is_primary_replica")),
                new AgentJob(LOG_JOB, "every 1 minute from 01:30", backups(databases, dir, "LOG", "LOG", "trn",
                        "NO_COMPRESSION, CHECKSUM", "sys.fn_hadr_backup_is_preferred_replica")),
                new AgentJob(PURGE_JOB, "every 1 hour from 00:15", purge(dir)));
    }

    private static String backups(List<String> databases, String dir, String what, String kind, String extension,
                                  String options, String whereFunction) {
        StringBuilder command = new StringBuilder(
                "DECLARE @stamp nvarchar(15) = FORMAT(SYSDATETIME(), N'yyyyMMdd_HHmmss');\nDECLARE @file nvarchar(4000);\n");
        for (String database : databases) {
            command.append("IF ").append(whereFunction).append("(").append(text(database)).append(") = 1\n")
                    .append("BEGIN\n")
                    .append("    SET @file = ").append(text(dir + database + "_" + kind + "_")).append(" + @stamp + ")
                    .append(text("." + extension)).append(";\n")
                    .append("    BACKUP ").append(what).append(" ").append(name(database)).append(" TO DISK = @file WITH ")
                    .append(options).append(";\n")
                    .append("END\n");
        }
        return command.toString().stripTrailing();
    }

    private static String purge(String dir) {
        return "DECLARE @full nvarchar(19) = CONVERT(nvarchar(19), DATEADD(WEEK, -8, GETDATE()), 126);\n"
                + "DECLARE @diff nvarchar(19) = CONVERT(nvarchar(19), DATEADD(WEEK, -2, GETDATE()), 126);\n"
                + "DECLARE @log nvarchar(19) = CONVERT(nvarchar(19), DATEADD(HOUR, -49, GETDATE()), 126);\n"
                + "EXEC master.dbo.xp_delete_file 0, " + text(dir) + ", N'bak', @full, 0;\n"
                + "EXEC master.dbo.xp_delete_file 0, " + text(dir) + ", N'dif', @diff, 0;\n"
                + "EXEC master.dbo.xp_delete_file 0, " + text(dir) + ", N'trn', @log, 0;\n"
                + "DECLARE @history datetime = DATEADD(WEEK, -8, GETDATE());\n"
                + "EXEC msdb.dbo.sp_delete_backuphistory @oldest_date = @history;";
    }
}
