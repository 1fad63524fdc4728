package com.eceops.runbook.technology.sql;

import static com.eceops.runbook.technology.sql.TSql.text;

/**
 * Long statements started detached on the SQL Server: an ad-hoc SQL Server Agent job of one T-SQL step in
 * master, started with sp_start_job (which returns at once). The job deletes itself when it succeeds
 * (@delete_level = 1) and stays, with its history, when it fails, for the runbook and the DBAs to read.
 */
final class DetachedStatements {

    private DetachedStatements() {
    }

    /** Creates the job (dropping a failed one of the same name first) and starts it. */
    static String startJob(String job, String description, String command, boolean replaceFailed) {
        String name = text(job);
        return (replaceFailed ? "IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = " + name + ")\n"
                + "    EXEC msdb.dbo.sp_delete_job @job_name = " + name + ";\n" : "")
                + "EXEC msdb.dbo.sp_add_job @job_name = " + name + ", @enabled = 1, @description = " + text(description)
                + ", @delete_level = 1;\n"
                + "EXEC msdb.dbo.sp_add_jobstep @job_name = " + name + ", @step_name = " + text("run")
                + ", @subsystem = N'TSQL', @database_name = N'master', @command = " + text(command) + ";\n"
                + "EXEC msdb.dbo.sp_add_jobserver @job_name = " + name + ", @server_name = N'(local)';\n"
                + "EXEC msdb.dbo.sp_start_job @job_name = " + name + ";";
    }
}
