-- pre-6.3 (master)
CREATE ENDPOINT [Hadr_endpoint]
 STATE = STARTED
 AS TCP (LISTENER_PORT = 5022)
 FOR DATABASE_MIRRORING (ROLE = ALL, AUTHENTICATION = WINDOWS NEGOTIATE, ENCRYPTION = REQUIRED ALGORITHM AES);
GO

-- pre-6.3 (master)
IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'MASSIVE\SqlServerSvc')
    CREATE LOGIN [MASSIVE\SqlServerSvc] FROM WINDOWS;
GRANT CONNECT ON ENDPOINT::[Hadr_endpoint] TO [MASSIVE\SqlServerSvc];
GO

-- pre-6.2 (master)
CREATE DATABASE [AGTemp]
 ON PRIMARY (NAME = N'AGTemp', FILENAME = N'F:\MSSQL\Data\AGTemp.mdf', SIZE = 8MB, FILEGROWTH = 64MB)
 LOG ON (NAME = N'AGTemp_log', FILENAME = N'F:\MSSQL\Data\AGTemp_log.ldf', SIZE = 8MB, FILEGROWTH = 64MB);
GO

-- pre-6.2 (master)
ALTER DATABASE [AGTemp] SET RECOVERY FULL;
GO

-- pre-6.2 (master)
BACKUP DATABASE [AGTemp]
 TO DISK = N'F:\MSSQL\Backups\AGTemp.bak'
 WITH INIT, NAME = N'AGTemp-Initial Full Backup', COMPRESSION, STATS = 25;
GO

-- pre-6.3 (master)
BACKUP LOG [AGTemp]
 TO DISK = N'F:\MSSQL\Backups\AGTemp.trn'
 WITH INIT, NAME = N'AGTemp-Initial T Log Backup', COMPRESSION, STATS = 25;
GO

-- pre-6.3 (master)
CREATE AVAILABILITY GROUP [CC2K125ECEDB]
WITH (AUTOMATED_BACKUP_PREFERENCE = NONE, DB_FAILOVER = OFF)
FOR DATABASE [AGTemp]
REPLICA ON
 N'CC2K125ECEAA' WITH (
  ENDPOINT_URL = N'TCP://CC2K125ECEAA.massivedynamic.com:5022',
  AVAILABILITY_MODE = SYNCHRONOUS_COMMIT,
  FAILOVER_MODE = AUTOMATIC,
  SEEDING_MODE = MANUAL,
  SECONDARY_ROLE (ALLOW_CONNECTIONS = ALL)),
 N'CC2K125ECEAB' WITH (
  ENDPOINT_URL = N'TCP://CC2K125ECEAB.massivedynamic.com:5022',
  AVAILABILITY_MODE = SYNCHRONOUS_COMMIT,
  FAILOVER_MODE = AUTOMATIC,
  SEEDING_MODE = MANUAL,
  SECONDARY_ROLE (ALLOW_CONNECTIONS = ALL));
GO

-- pre-6.3 (master)
ALTER AVAILABILITY GROUP [CC2K125ECEDB]
 ADD LISTENER N'CC2K125ECEDB' (WITH IP ((N'14.10.162.161', N'255.255.255.0'), (N'14.10.172.171', N'255.255.255.0')), PORT = 1433);
GO

-- post-3.1 (master)
ALTER DATABASE [eGActiveDB] SET RECOVERY FULL;
GO

-- post-3.1 (master)
ALTER DATABASE [eGMasterDB] SET RECOVERY FULL;
GO

-- post-3.1 (master)
ALTER DATABASE [eGReportsDB] SET RECOVERY FULL;
GO

-- post-3.2 (master)
BACKUP DATABASE [eGActiveDB]
 TO DISK = N'F:\MSSQL\Backups\eGActiveDB.bak'
 WITH INIT, NAME = N'eGActiveDB-Initial Full Backup', COMPRESSION, STATS = 25;
GO

-- post-3.2 (master)
BACKUP DATABASE [eGMasterDB]
 TO DISK = N'F:\MSSQL\Backups\eGMasterDB.bak'
 WITH INIT, NAME = N'eGMasterDB-Initial Full Backup', COMPRESSION, STATS = 25;
GO

-- post-3.2 (master)
BACKUP DATABASE [eGReportsDB]
 TO DISK = N'F:\MSSQL\Backups\eGReportsDB.bak'
 WITH INIT, NAME = N'eGReportsDB-Initial Full Backup', COMPRESSION, STATS = 25;
GO

-- post-3.3 (master)
BACKUP LOG [eGActiveDB]
 TO DISK = N'F:\MSSQL\Backups\eGActiveDB.trn'
 WITH INIT, NAME = N'eGActiveDB-Initial T Log Backup', COMPRESSION, STATS = 25;
GO

-- post-3.3 (master)
BACKUP LOG [eGMasterDB]
 TO DISK = N'F:\MSSQL\Backups\eGMasterDB.trn'
 WITH INIT, NAME = N'eGMasterDB-Initial T Log Backup', COMPRESSION, STATS = 25;
GO

-- post-3.3 (master)
BACKUP LOG [eGReportsDB]
 TO DISK = N'F:\MSSQL\Backups\eGReportsDB.trn'
 WITH INIT, NAME = N'eGReportsDB-Initial T Log Backup', COMPRESSION, STATS = 25;
GO

-- post-5 (master)
ALTER AVAILABILITY GROUP [CC2K125ECEDB] ADD DATABASE [eGActiveDB];
GO

-- post-5 (master)
ALTER AVAILABILITY GROUP [CC2K125ECEDB] ADD DATABASE [eGMasterDB];
GO

-- post-5 (master)
ALTER AVAILABILITY GROUP [CC2K125ECEDB] ADD DATABASE [eGReportsDB];
GO

-- post-6 (master)
SELECT ar.replica_server_name, ars.role_desc, rcs.join_state_desc, ars.synchronization_health_desc
FROM sys.availability_groups ag
JOIN sys.availability_replicas ar ON ar.group_id = ag.group_id
LEFT JOIN sys.dm_hadr_availability_replica_states ars ON ars.replica_id = ar.replica_id
LEFT JOIN sys.dm_hadr_availability_replica_cluster_states rcs ON rcs.replica_id = ar.replica_id
WHERE ag.name = ? ORDER BY ar.replica_server_name;
GO

-- post-6 (master)
SELECT adc.database_name, ar.replica_server_name, drs.synchronization_state_desc, drs.synchronization_health_desc
FROM sys.dm_hadr_database_replica_states drs
JOIN sys.availability_replicas ar ON ar.replica_id = drs.replica_id
JOIN sys.availability_databases_cluster adc ON adc.group_database_id = drs.group_database_id
JOIN sys.availability_groups ag ON ag.group_id = drs.group_id
WHERE ag.name = ? ORDER BY adc.database_name, ar.replica_server_name;
GO

-- post-8 (SSISDB)
USE [SSISDB];
GRANT EXECUTE ON [internal].[cleanup_server_execution_keys] TO [##MS_SSISServerCleanupJobUser##];
GRANT EXECUTE ON [internal].[cleanup_server_log] TO [##MS_SSISServerCleanupJobUser##];
GRANT EXECUTE ON [internal].[cleanup_server_project_version] TO [##MS_SSISServerCleanupJobUser##];
GRANT EXECUTE ON [internal].[cleanup_server_retention_window] TO [##MS_SSISServerCleanupJobUser##];
GO

-- post-9 (msdb)
DECLARE @job_id uniqueidentifier;
DECLARE @schedule_id int;
IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = N'ECE full backup')
    EXEC msdb.dbo.sp_delete_job @job_name = N'ECE full backup', @delete_unused_schedule = 1;
EXEC msdb.dbo.sp_add_job @job_name = N'ECE full backup', @enabled = 1, @description = N'weekly Sunday 01:30', @job_id = @job_id OUTPUT;
EXEC msdb.dbo.sp_add_jobstep @job_id = @job_id, @step_name = N'ECE full backup step', @subsystem = N'TSQL', @database_name = N'master', @command = N'DECLARE @stamp nvarchar(15) = FORMAT(SYSDATETIME(), N''yyyyMMdd_HHmmss'');
DECLARE @file nvarchar(4000);
IF sys.fn_hadr_is_primary_replica(N''eGActiveDB'') = 1
BEGIN
    SET @file = N''F:\MSSQL\Backups\eGActiveDB_FULL_'' + @stamp + N''.bak'';
    BACKUP DATABASE [eGActiveDB] TO DISK = @file WITH COMPRESSION, CHECKSUM;
END
IF sys.fn_hadr_is_primary_replica(N''eGMasterDB'') = 1
BEGIN
    SET @file = N''F:\MSSQL\Backups\eGMasterDB_FULL_'' + @stamp + N''.bak'';
    BACKUP DATABASE [eGMasterDB] TO DISK = @file WITH COMPRESSION, CHECKSUM;
END
IF sys.fn_hadr_is_primary_replica(N''eGReportsDB'') = 1
BEGIN
    SET @file = N''F:\MSSQL\Backups\eGReportsDB_FULL_'' + @stamp + N''.bak'';
    BACKUP DATABASE [eGReportsDB] TO DISK = @file WITH COMPRESSION, CHECKSUM;
END';
EXEC msdb.dbo.sp_add_schedule @schedule_name = N'ECE full backup schedule', @freq_type = 8, @freq_interval = 1, @freq_subday_type = 1, @freq_subday_interval = 0, @freq_recurrence_factor = 1, @active_start_time = 13000, @schedule_id = @schedule_id OUTPUT;
EXEC msdb.dbo.sp_attach_schedule @job_id = @job_id, @schedule_id = @schedule_id;
EXEC msdb.dbo.sp_add_jobserver @job_id = @job_id, @server_name = N'(local)';
GO

-- post-9 (msdb)
DECLARE @job_id uniqueidentifier;
DECLARE @schedule_id int;
IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = N'ECE differential backup')
    EXEC msdb.dbo.sp_delete_job @job_name = N'ECE differential backup', @delete_unused_schedule = 1;
EXEC msdb.dbo.sp_add_job @job_name = N'ECE differential backup', @enabled = 1, @description = N'daily except Sunday 01:30', @job_id = @job_id OUTPUT;
EXEC msdb.dbo.sp_add_jobstep @job_id = @job_id, @step_name = N'ECE differential backup step', @subsystem = N'TSQL', @database_name = N'master', @command = N'DECLARE @stamp nvarchar(15) = FORMAT(SYSDATETIME(), N''yyyyMMdd_HHmmss'');
DECLARE @file nvarchar(4000);
IF sys.fn_hadr_is_primary_replica(N''eGActiveDB'') = 1
BEGIN
    SET @file = N''F:\MSSQL\Backups\eGActiveDB_DIFF_'' + @stamp + N''.dif'';
    BACKUP DATABASE [eGActiveDB] TO DISK = @file WITH DIFFERENTIAL, COMPRESSION, CHECKSUM;
END
IF sys.fn_hadr_is_primary_replica(N''eGMasterDB'') = 1
BEGIN
    SET @file = N''F:\MSSQL\Backups\eGMasterDB_DIFF_'' + @stamp + N''.dif'';
    BACKUP DATABASE [eGMasterDB] TO DISK = @file WITH DIFFERENTIAL, COMPRESSION, CHECKSUM;
END
IF sys.fn_hadr_is_primary_replica(N''eGReportsDB'') = 1
BEGIN
    SET @file = N''F:\MSSQL\Backups\eGReportsDB_DIFF_'' + @stamp + N''.dif'';
    BACKUP DATABASE [eGReportsDB] TO DISK = @file WITH DIFFERENTIAL, COMPRESSION, CHECKSUM;
END';
EXEC msdb.dbo.sp_add_schedule @schedule_name = N'ECE differential backup schedule', @freq_type = 8, @freq_interval = 126, @freq_subday_type = 1, @freq_subday_interval = 0, @freq_recurrence_factor = 1, @active_start_time = 13000, @schedule_id = @schedule_id OUTPUT;
EXEC msdb.dbo.sp_attach_schedule @job_id = @job_id, @schedule_id = @schedule_id;
EXEC msdb.dbo.sp_add_jobserver @job_id = @job_id, @server_name = N'(local)';
GO

-- post-9 (msdb)
DECLARE @job_id uniqueidentifier;
DECLARE @schedule_id int;
IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = N'ECE log backup')
    EXEC msdb.dbo.sp_delete_job @job_name = N'ECE log backup', @delete_unused_schedule = 1;
EXEC msdb.dbo.sp_add_job @job_name = N'ECE log backup', @enabled = 1, @description = N'every 1 minute from 01:30', @job_id = @job_id OUTPUT;
EXEC msdb.dbo.sp_add_jobstep @job_id = @job_id, @step_name = N'ECE log backup step', @subsystem = N'TSQL', @database_name = N'master', @command = N'DECLARE @stamp nvarchar(15) = FORMAT(SYSDATETIME(), N''yyyyMMdd_HHmmss'');
DECLARE @file nvarchar(4000);
IF sys.fn_hadr_backup_is_preferred_replica(N''eGActiveDB'') = 1
BEGIN
    SET @file = N''F:\MSSQL\Backups\eGActiveDB_LOG_'' + @stamp + N''.trn'';
    BACKUP LOG [eGActiveDB] TO DISK = @file WITH NO_COMPRESSION, CHECKSUM;
END
IF sys.fn_hadr_backup_is_preferred_replica(N''eGMasterDB'') = 1
BEGIN
    SET @file = N''F:\MSSQL\Backups\eGMasterDB_LOG_'' + @stamp + N''.trn'';
    BACKUP LOG [eGMasterDB] TO DISK = @file WITH NO_COMPRESSION, CHECKSUM;
END
IF sys.fn_hadr_backup_is_preferred_replica(N''eGReportsDB'') = 1
BEGIN
    SET @file = N''F:\MSSQL\Backups\eGReportsDB_LOG_'' + @stamp + N''.trn'';
    BACKUP LOG [eGReportsDB] TO DISK = @file WITH NO_COMPRESSION, CHECKSUM;
END';
EXEC msdb.dbo.sp_add_schedule @schedule_name = N'ECE log backup schedule', @freq_type = 4, @freq_interval = 1, @freq_subday_type = 4, @freq_subday_interval = 1, @freq_recurrence_factor = 0, @active_start_time = 0, @schedule_id = @schedule_id OUTPUT;
EXEC msdb.dbo.sp_attach_schedule @job_id = @job_id, @schedule_id = @schedule_id;
EXEC msdb.dbo.sp_add_jobserver @job_id = @job_id, @server_name = N'(local)';
GO

-- post-9 (msdb)
DECLARE @job_id uniqueidentifier;
DECLARE @schedule_id int;
IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = N'ECE backup purge')
    EXEC msdb.dbo.sp_delete_job @job_name = N'ECE backup purge', @delete_unused_schedule = 1;
EXEC msdb.dbo.sp_add_job @job_name = N'ECE backup purge', @enabled = 1, @description = N'every 1 hour from 00:15', @job_id = @job_id OUTPUT;
EXEC msdb.dbo.sp_add_jobstep @job_id = @job_id, @step_name = N'ECE backup purge step', @subsystem = N'TSQL', @database_name = N'master', @command = N'DECLARE @full nvarchar(19) = CONVERT(nvarchar(19), DATEADD(WEEK, -8, GETDATE()), 126);
DECLARE @diff nvarchar(19) = CONVERT(nvarchar(19), DATEADD(WEEK, -2, GETDATE()), 126);
DECLARE @log nvarchar(19) = CONVERT(nvarchar(19), DATEADD(HOUR, -49, GETDATE()), 126);
EXEC master.dbo.xp_delete_file 0, N''F:\MSSQL\Backups\'', N''bak'', @full, 0;
EXEC master.dbo.xp_delete_file 0, N''F:\MSSQL\Backups\'', N''dif'', @diff, 0;
EXEC master.dbo.xp_delete_file 0, N''F:\MSSQL\Backups\'', N''trn'', @log, 0;
DECLARE @history datetime = DATEADD(WEEK, -8, GETDATE());
EXEC msdb.dbo.sp_delete_backuphistory @oldest_date = @history;';
EXEC msdb.dbo.sp_add_schedule @schedule_name = N'ECE backup purge schedule', @freq_type = 4, @freq_interval = 1, @freq_subday_type = 8, @freq_subday_interval = 1, @freq_recurrence_factor = 0, @active_start_time = 1500, @schedule_id = @schedule_id OUTPUT;
EXEC msdb.dbo.sp_attach_schedule @job_id = @job_id, @schedule_id = @schedule_id;
EXEC msdb.dbo.sp_add_jobserver @job_id = @job_id, @server_name = N'(local)';
GO

-- patch-2.1 (msdb)
EXEC msdb.dbo.sp_add_job @job_name = N'ECE runbook: BACKUP eGActiveDB to eGActiveDB_PrePatch_<run>.bak', @enabled = 1, @description = N'patch-2.1: pre-patch backup of eGActiveDB', @delete_level = 1;
EXEC msdb.dbo.sp_add_jobstep @job_name = N'ECE runbook: BACKUP eGActiveDB to eGActiveDB_PrePatch_<run>.bak', @step_name = N'run', @subsystem = N'TSQL', @database_name = N'master', @command = N'BACKUP DATABASE [eGActiveDB]
 TO DISK = N''F:\MSSQL\Backups\eGActiveDB_PrePatch_<run>.bak''
 WITH INIT, COPY_ONLY, CHECKSUM, NAME = N''eGActiveDB-Full Backup Before Patch'', STATS = 25;';
EXEC msdb.dbo.sp_add_jobserver @job_name = N'ECE runbook: BACKUP eGActiveDB to eGActiveDB_PrePatch_<run>.bak', @server_name = N'(local)';
EXEC msdb.dbo.sp_start_job @job_name = N'ECE runbook: BACKUP eGActiveDB to eGActiveDB_PrePatch_<run>.bak';
GO

-- patch-2.1 (msdb)
SELECT j.name,
 CASE WHEN EXISTS (SELECT 1 FROM msdb.dbo.sysjobactivity a WHERE a.job_id = j.job_id
   AND a.session_id = (SELECT MAX(s.session_id) FROM msdb.dbo.syssessions s)
   AND a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL) THEN 1 ELSE 0 END AS running,
 h.run_status, h.message
FROM msdb.dbo.sysjobs j
OUTER APPLY (SELECT TOP (1) jh.run_status, jh.message FROM msdb.dbo.sysjobhistory jh
   WHERE jh.job_id = j.job_id AND jh.step_id = 1 ORDER BY jh.instance_id DESC) h
WHERE j.name = ?;
GO

-- patch-2.1 (master)
SELECT MAX(r.percent_complete) AS percent_complete
FROM sys.dm_exec_requests r
CROSS APPLY sys.dm_exec_sql_text(r.sql_handle) t
WHERE r.command IN (N'BACKUP DATABASE', N'RESTORE DATABASE') AND CHARINDEX(?, t.text) > 0;
GO

-- patch-2.1 (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGActiveDB_PrePatch_<run>.bak'
 WITH FILE = 1, CHECKSUM;
GO

-- patch-2.1 (msdb)
EXEC msdb.dbo.sp_add_job @job_name = N'ECE runbook: BACKUP eGMasterDB to eGMasterDB_PrePatch_<run>.bak', @enabled = 1, @description = N'patch-2.1: pre-patch backup of eGMasterDB', @delete_level = 1;
EXEC msdb.dbo.sp_add_jobstep @job_name = N'ECE runbook: BACKUP eGMasterDB to eGMasterDB_PrePatch_<run>.bak', @step_name = N'run', @subsystem = N'TSQL', @database_name = N'master', @command = N'BACKUP DATABASE [eGMasterDB]
 TO DISK = N''F:\MSSQL\Backups\eGMasterDB_PrePatch_<run>.bak''
 WITH INIT, COPY_ONLY, CHECKSUM, NAME = N''eGMasterDB-Full Backup Before Patch'', STATS = 25;';
EXEC msdb.dbo.sp_add_jobserver @job_name = N'ECE runbook: BACKUP eGMasterDB to eGMasterDB_PrePatch_<run>.bak', @server_name = N'(local)';
EXEC msdb.dbo.sp_start_job @job_name = N'ECE runbook: BACKUP eGMasterDB to eGMasterDB_PrePatch_<run>.bak';
GO

-- patch-2.1 (msdb)
SELECT j.name,
 CASE WHEN EXISTS (SELECT 1 FROM msdb.dbo.sysjobactivity a WHERE a.job_id = j.job_id
   AND a.session_id = (SELECT MAX(s.session_id) FROM msdb.dbo.syssessions s)
   AND a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL) THEN 1 ELSE 0 END AS running,
 h.run_status, h.message
FROM msdb.dbo.sysjobs j
OUTER APPLY (SELECT TOP (1) jh.run_status, jh.message FROM msdb.dbo.sysjobhistory jh
   WHERE jh.job_id = j.job_id AND jh.step_id = 1 ORDER BY jh.instance_id DESC) h
WHERE j.name = ?;
GO

-- patch-2.1 (master)
SELECT MAX(r.percent_complete) AS percent_complete
FROM sys.dm_exec_requests r
CROSS APPLY sys.dm_exec_sql_text(r.sql_handle) t
WHERE r.command IN (N'BACKUP DATABASE', N'RESTORE DATABASE') AND CHARINDEX(?, t.text) > 0;
GO

-- patch-2.1 (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGMasterDB_PrePatch_<run>.bak'
 WITH FILE = 1, CHECKSUM;
GO

-- patch-2.1 (msdb)
EXEC msdb.dbo.sp_add_job @job_name = N'ECE runbook: BACKUP eGReportsDB to eGReportsDB_PrePatch_<run>.bak', @enabled = 1, @description = N'patch-2.1: pre-patch backup of eGReportsDB', @delete_level = 1;
EXEC msdb.dbo.sp_add_jobstep @job_name = N'ECE runbook: BACKUP eGReportsDB to eGReportsDB_PrePatch_<run>.bak', @step_name = N'run', @subsystem = N'TSQL', @database_name = N'master', @command = N'BACKUP DATABASE [eGReportsDB]
 TO DISK = N''F:\MSSQL\Backups\eGReportsDB_PrePatch_<run>.bak''
 WITH INIT, COPY_ONLY, CHECKSUM, NAME = N''eGReportsDB-Full Backup Before Patch'', STATS = 25;';
EXEC msdb.dbo.sp_add_jobserver @job_name = N'ECE runbook: BACKUP eGReportsDB to eGReportsDB_PrePatch_<run>.bak', @server_name = N'(local)';
EXEC msdb.dbo.sp_start_job @job_name = N'ECE runbook: BACKUP eGReportsDB to eGReportsDB_PrePatch_<run>.bak';
GO

-- patch-2.1 (msdb)
SELECT j.name,
 CASE WHEN EXISTS (SELECT 1 FROM msdb.dbo.sysjobactivity a WHERE a.job_id = j.job_id
   AND a.session_id = (SELECT MAX(s.session_id) FROM msdb.dbo.syssessions s)
   AND a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL) THEN 1 ELSE 0 END AS running,
 h.run_status, h.message
FROM msdb.dbo.sysjobs j
OUTER APPLY (SELECT TOP (1) jh.run_status, jh.message FROM msdb.dbo.sysjobhistory jh
   WHERE jh.job_id = j.job_id AND jh.step_id = 1 ORDER BY jh.instance_id DESC) h
WHERE j.name = ?;
GO

-- patch-2.1 (master)
SELECT MAX(r.percent_complete) AS percent_complete
FROM sys.dm_exec_requests r
CROSS APPLY sys.dm_exec_sql_text(r.sql_handle) t
WHERE r.command IN (N'BACKUP DATABASE', N'RESTORE DATABASE') AND CHARINDEX(?, t.text) > 0;
GO

-- patch-2.1 (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGReportsDB_PrePatch_<run>.bak'
 WITH FILE = 1, CHECKSUM;
GO

-- rollback (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGActiveDB_PrePatch_<run>.bak'
 WITH FILE = 1, CHECKSUM;
GO

-- rollback (master)
RESTORE HEADERONLY FROM DISK = N'F:\MSSQL\Backups\eGActiveDB_PrePatch_<run>.bak'
 WITH FILE = 1;
GO

-- rollback (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGMasterDB_PrePatch_<run>.bak'
 WITH FILE = 1, CHECKSUM;
GO

-- rollback (master)
RESTORE HEADERONLY FROM DISK = N'F:\MSSQL\Backups\eGMasterDB_PrePatch_<run>.bak'
 WITH FILE = 1;
GO

-- rollback (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGReportsDB_PrePatch_<run>.bak'
 WITH FILE = 1, CHECKSUM;
GO

-- rollback (master)
RESTORE HEADERONLY FROM DISK = N'F:\MSSQL\Backups\eGReportsDB_PrePatch_<run>.bak'
 WITH FILE = 1;
GO

-- rollback (master)
ALTER AVAILABILITY GROUP [CC2K125ECEDB] REMOVE DATABASE [eGActiveDB];
GO

-- rollback (master)
ALTER AVAILABILITY GROUP [CC2K125ECEDB] REMOVE DATABASE [eGMasterDB];
GO

-- rollback (master)
ALTER AVAILABILITY GROUP [CC2K125ECEDB] REMOVE DATABASE [eGReportsDB];
GO

-- rollback (msdb)
EXEC msdb.dbo.sp_add_job @job_name = N'ECE runbook: RESTORE eGActiveDB from eGActiveDB_PrePatch_<run>.bak', @enabled = 1, @description = N'rollback: restore of eGActiveDB from before the patch', @delete_level = 1;
EXEC msdb.dbo.sp_add_jobstep @job_name = N'ECE runbook: RESTORE eGActiveDB from eGActiveDB_PrePatch_<run>.bak', @step_name = N'run', @subsystem = N'TSQL', @database_name = N'master', @command = N'IF DB_ID(N''eGActiveDB'') IS NOT NULL
    ALTER DATABASE [eGActiveDB] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
RESTORE DATABASE [eGActiveDB]
 FROM DISK = N''F:\MSSQL\Backups\eGActiveDB_PrePatch_<run>.bak''
 WITH FILE = 1, REPLACE, RECOVERY, CHECKSUM, STATS = 5;
IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N''eGActiveDB'' AND user_access_desc <> N''MULTI_USER'')
    ALTER DATABASE [eGActiveDB] SET MULTI_USER;';
EXEC msdb.dbo.sp_add_jobserver @job_name = N'ECE runbook: RESTORE eGActiveDB from eGActiveDB_PrePatch_<run>.bak', @server_name = N'(local)';
EXEC msdb.dbo.sp_start_job @job_name = N'ECE runbook: RESTORE eGActiveDB from eGActiveDB_PrePatch_<run>.bak';
GO

-- rollback (msdb)
SELECT j.name,
 CASE WHEN EXISTS (SELECT 1 FROM msdb.dbo.sysjobactivity a WHERE a.job_id = j.job_id
   AND a.session_id = (SELECT MAX(s.session_id) FROM msdb.dbo.syssessions s)
   AND a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL) THEN 1 ELSE 0 END AS running,
 h.run_status, h.message
FROM msdb.dbo.sysjobs j
OUTER APPLY (SELECT TOP (1) jh.run_status, jh.message FROM msdb.dbo.sysjobhistory jh
   WHERE jh.job_id = j.job_id AND jh.step_id = 1 ORDER BY jh.instance_id DESC) h
WHERE j.name = ?;
GO

-- rollback (master)
SELECT TOP (1) CONVERT(nvarchar(33), DATEADD(MINUTE, DATEDIFF(MINUTE, GETDATE(), GETUTCDATE()),
  rh.restore_date), 126) AS restored_utc, f.physical_device_name,
 CONVERT(nvarchar(40), b.first_lsn) AS first_lsn, CONVERT(nvarchar(40), b.last_lsn) AS last_lsn
FROM msdb.dbo.restorehistory rh
JOIN msdb.dbo.backupset b ON b.backup_set_id = rh.backup_set_id
JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id
WHERE rh.destination_database_name = ?
ORDER BY rh.restore_history_id DESC;
GO

-- rollback (msdb)
EXEC msdb.dbo.sp_add_job @job_name = N'ECE runbook: RESTORE eGMasterDB from eGMasterDB_PrePatch_<run>.bak', @enabled = 1, @description = N'rollback: restore of eGMasterDB from before the patch', @delete_level = 1;
EXEC msdb.dbo.sp_add_jobstep @job_name = N'ECE runbook: RESTORE eGMasterDB from eGMasterDB_PrePatch_<run>.bak', @step_name = N'run', @subsystem = N'TSQL', @database_name = N'master', @command = N'IF DB_ID(N''eGMasterDB'') IS NOT NULL
    ALTER DATABASE [eGMasterDB] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
RESTORE DATABASE [eGMasterDB]
 FROM DISK = N''F:\MSSQL\Backups\eGMasterDB_PrePatch_<run>.bak''
 WITH FILE = 1, REPLACE, RECOVERY, CHECKSUM, STATS = 5;
IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N''eGMasterDB'' AND user_access_desc <> N''MULTI_USER'')
    ALTER DATABASE [eGMasterDB] SET MULTI_USER;';
EXEC msdb.dbo.sp_add_jobserver @job_name = N'ECE runbook: RESTORE eGMasterDB from eGMasterDB_PrePatch_<run>.bak', @server_name = N'(local)';
EXEC msdb.dbo.sp_start_job @job_name = N'ECE runbook: RESTORE eGMasterDB from eGMasterDB_PrePatch_<run>.bak';
GO

-- rollback (msdb)
SELECT j.name,
 CASE WHEN EXISTS (SELECT 1 FROM msdb.dbo.sysjobactivity a WHERE a.job_id = j.job_id
   AND a.session_id = (SELECT MAX(s.session_id) FROM msdb.dbo.syssessions s)
   AND a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL) THEN 1 ELSE 0 END AS running,
 h.run_status, h.message
FROM msdb.dbo.sysjobs j
OUTER APPLY (SELECT TOP (1) jh.run_status, jh.message FROM msdb.dbo.sysjobhistory jh
   WHERE jh.job_id = j.job_id AND jh.step_id = 1 ORDER BY jh.instance_id DESC) h
WHERE j.name = ?;
GO

-- rollback (master)
SELECT TOP (1) CONVERT(nvarchar(33), DATEADD(MINUTE, DATEDIFF(MINUTE, GETDATE(), GETUTCDATE()),
  rh.restore_date), 126) AS restored_utc, f.physical_device_name,
 CONVERT(nvarchar(40), b.first_lsn) AS first_lsn, CONVERT(nvarchar(40), b.last_lsn) AS last_lsn
FROM msdb.dbo.restorehistory rh
JOIN msdb.dbo.backupset b ON b.backup_set_id = rh.backup_set_id
JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id
WHERE rh.destination_database_name = ?
ORDER BY rh.restore_history_id DESC;
GO

-- rollback (msdb)
EXEC msdb.dbo.sp_add_job @job_name = N'ECE runbook: RESTORE eGReportsDB from eGReportsDB_PrePatch_<run>.bak', @enabled = 1, @description = N'rollback: restore of eGReportsDB from before the patch', @delete_level = 1;
EXEC msdb.dbo.sp_add_jobstep @job_name = N'ECE runbook: RESTORE eGReportsDB from eGReportsDB_PrePatch_<run>.bak', @step_name = N'run', @subsystem = N'TSQL', @database_name = N'master', @command = N'IF DB_ID(N''eGReportsDB'') IS NOT NULL
    ALTER DATABASE [eGReportsDB] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
RESTORE DATABASE [eGReportsDB]
 FROM DISK = N''F:\MSSQL\Backups\eGReportsDB_PrePatch_<run>.bak''
 WITH FILE = 1, REPLACE, RECOVERY, CHECKSUM, STATS = 5;
IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N''eGReportsDB'' AND user_access_desc <> N''MULTI_USER'')
    ALTER DATABASE [eGReportsDB] SET MULTI_USER;';
EXEC msdb.dbo.sp_add_jobserver @job_name = N'ECE runbook: RESTORE eGReportsDB from eGReportsDB_PrePatch_<run>.bak', @server_name = N'(local)';
EXEC msdb.dbo.sp_start_job @job_name = N'ECE runbook: RESTORE eGReportsDB from eGReportsDB_PrePatch_<run>.bak';
GO

-- rollback (msdb)
SELECT j.name,
 CASE WHEN EXISTS (SELECT 1 FROM msdb.dbo.sysjobactivity a WHERE a.job_id = j.job_id
   AND a.session_id = (SELECT MAX(s.session_id) FROM msdb.dbo.syssessions s)
   AND a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL) THEN 1 ELSE 0 END AS running,
 h.run_status, h.message
FROM msdb.dbo.sysjobs j
OUTER APPLY (SELECT TOP (1) jh.run_status, jh.message FROM msdb.dbo.sysjobhistory jh
   WHERE jh.job_id = j.job_id AND jh.step_id = 1 ORDER BY jh.instance_id DESC) h
WHERE j.name = ?;
GO

-- rollback (master)
SELECT TOP (1) CONVERT(nvarchar(33), DATEADD(MINUTE, DATEDIFF(MINUTE, GETDATE(), GETUTCDATE()),
  rh.restore_date), 126) AS restored_utc, f.physical_device_name,
 CONVERT(nvarchar(40), b.first_lsn) AS first_lsn, CONVERT(nvarchar(40), b.last_lsn) AS last_lsn
FROM msdb.dbo.restorehistory rh
JOIN msdb.dbo.backupset b ON b.backup_set_id = rh.backup_set_id
JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id
WHERE rh.destination_database_name = ?
ORDER BY rh.restore_history_id DESC;
GO

-- rollback post-3.2 (master)
BACKUP DATABASE [eGActiveDB]
 TO DISK = N'F:\MSSQL\Backups\eGActiveDB_Reseed_<run>_<rollback>.bak'
 WITH INIT, NAME = N'eGActiveDB-Full Database Backup', STATS = 25;
GO

-- rollback post-3.3 (master)
BACKUP LOG [eGActiveDB]
 TO DISK = N'F:\MSSQL\Backups\eGActiveDB_Reseed_<run>_<rollback>.trn'
 WITH INIT, NAME = N'eGActiveDB-Transaction Log Backup', COMPRESSION, STATS = 25;
GO

-- rollback post-3.2 (master)
BACKUP DATABASE [eGMasterDB]
 TO DISK = N'F:\MSSQL\Backups\eGMasterDB_Reseed_<run>_<rollback>.bak'
 WITH INIT, NAME = N'eGMasterDB-Full Database Backup', STATS = 25;
GO

-- rollback post-3.3 (master)
BACKUP LOG [eGMasterDB]
 TO DISK = N'F:\MSSQL\Backups\eGMasterDB_Reseed_<run>_<rollback>.trn'
 WITH INIT, NAME = N'eGMasterDB-Transaction Log Backup', COMPRESSION, STATS = 25;
GO

-- rollback post-3.2 (master)
BACKUP DATABASE [eGReportsDB]
 TO DISK = N'F:\MSSQL\Backups\eGReportsDB_Reseed_<run>_<rollback>.bak'
 WITH INIT, NAME = N'eGReportsDB-Full Database Backup', STATS = 25;
GO

-- rollback post-3.3 (master)
BACKUP LOG [eGReportsDB]
 TO DISK = N'F:\MSSQL\Backups\eGReportsDB_Reseed_<run>_<rollback>.trn'
 WITH INIT, NAME = N'eGReportsDB-Transaction Log Backup', COMPRESSION, STATS = 25;
GO

-- rollback post-5 (master)
ALTER AVAILABILITY GROUP [CC2K125ECEDB] ADD DATABASE [eGActiveDB];
GO

-- rollback post-5 (master)
ALTER AVAILABILITY GROUP [CC2K125ECEDB] ADD DATABASE [eGMasterDB];
GO

-- rollback post-5 (master)
ALTER AVAILABILITY GROUP [CC2K125ECEDB] ADD DATABASE [eGReportsDB];
GO
