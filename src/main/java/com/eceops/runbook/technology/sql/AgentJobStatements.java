package com.eceops.runbook.technology.sql;

import static com.eceops.runbook.technology.sql.TSql.text;

/**
 * post-9: one SQL Server Agent job per backup kind, created through msdb's documented procedures. The
 * schedule's words are kept as the job's description, so that reading the job back gives the same
 * {@link AgentJob} and re-applying an unchanged definition changes nothing.
 */
final class AgentJobStatements {

    private AgentJobStatements() {
    }

    /**
     * Drops a job of that name (with its now unused schedule), then creates the job, its step, schedule and server.
     * The schedule is attached by the id sp_add_schedule returns: schedule names are not unique in msdb, and
     * sp_attach_schedule by name fails when two schedules share it.
     */
    static String replaceJob(AgentJob job) {
        JobSchedule schedule = JobSchedule.parse(job.schedule());
        String name = text(job.name());
        return "DECLARE @job_id uniqueidentifier;\nDECLARE @schedule_id int;\n"
                + "IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = " + name + ")\n"
                + "    EXEC msdb.dbo.sp_delete_job @job_name = " + name + ", @delete_unused_schedule = 1;\n"
                + "EXEC msdb.dbo.sp_add_job @job_name = " + name + ", @enabled = 1, @description = "
                + text(job.schedule()) + ", @job_id = @job_id OUTPUT;\n"
                + "EXEC msdb.dbo.sp_add_jobstep @job_id = @job_id, @step_name = " + text(job.name() + " step")
                + ", @subsystem = N'TSQL', @database_name = N'master', @command = " + text(job.command()) + ";\n"
                + "EXEC msdb.dbo.sp_add_schedule @schedule_name = " + text(job.name() + " schedule")
                + ", @freq_type = " + schedule.freqType() + ", @freq_interval = " + schedule.freqInterval()
                + ", @freq_subday_type = " + schedule.subdayType() + ", @freq_subday_interval = " + schedule.subdayInterval()
                + ", @freq_recurrence_factor = " + (schedule.freqType() == 8 ? 1 : 0)
                + ", @active_start_time = " + schedule.startAsHhmmss() + ", @schedule_id = @schedule_id OUTPUT;\n"
                + "EXEC msdb.dbo.sp_attach_schedule @job_id = @job_id, @schedule_id = @schedule_id;\n"
                + "EXEC msdb.dbo.sp_add_jobserver @job_id = @job_id, @server_name = N'(local)';";
    }

    /** Turns the job's schedule on or off; the job and its history stay. */
    static String setEnabled(String job, boolean enabled) {
        return "EXEC msdb.dbo.sp_update_job @job_name = " + text(job) + ", @enabled = " + (enabled ? 1 : 0) + ";";
    }
}
