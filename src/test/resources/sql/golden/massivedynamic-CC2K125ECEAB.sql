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

-- pre-6.4 (master)
ALTER AVAILABILITY GROUP [CC2K125ECEDB] JOIN;
GO

-- pre-6.4 (master)
RESTORE DATABASE [AGTemp]
 FROM DISK = N'\\CC2K125ECEAA\F$\MSSQL\Backups\AGTemp.bak'
 WITH NORECOVERY, STATS = 25;
GO

-- pre-6.4 (master)
RESTORE LOG [AGTemp]
 FROM DISK = N'\\CC2K125ECEAA\F$\MSSQL\Backups\AGTemp.trn'
 WITH NORECOVERY;
GO

-- pre-6.4 (master)
ALTER DATABASE [AGTemp] SET HADR AVAILABILITY GROUP = [CC2K125ECEDB];
GO

-- post-4 (master)
RESTORE DATABASE [eGActiveDB]
 FROM DISK = N'\\CC2K125ECEAA\F$\MSSQL\Backups\eGActiveDB.bak'
 WITH NORECOVERY, STATS = 25;
GO

-- post-4 (master)
RESTORE LOG [eGActiveDB]
 FROM DISK = N'\\CC2K125ECEAA\F$\MSSQL\Backups\eGActiveDB.trn'
 WITH NORECOVERY;
GO

-- post-4 (master)
RESTORE DATABASE [eGMasterDB]
 FROM DISK = N'\\CC2K125ECEAA\F$\MSSQL\Backups\eGMasterDB.bak'
 WITH NORECOVERY, STATS = 25;
GO

-- post-4 (master)
RESTORE LOG [eGMasterDB]
 FROM DISK = N'\\CC2K125ECEAA\F$\MSSQL\Backups\eGMasterDB.trn'
 WITH NORECOVERY;
GO

-- post-4 (master)
RESTORE DATABASE [eGReportsDB]
 FROM DISK = N'\\CC2K125ECEAA\F$\MSSQL\Backups\eGReportsDB.bak'
 WITH NORECOVERY, STATS = 25;
GO

-- post-4 (master)
RESTORE LOG [eGReportsDB]
 FROM DISK = N'\\CC2K125ECEAA\F$\MSSQL\Backups\eGReportsDB.trn'
 WITH NORECOVERY;
GO

-- post-5 (master)
ALTER DATABASE [eGActiveDB] SET HADR AVAILABILITY GROUP = [CC2K125ECEDB];
GO

-- post-5 (master)
ALTER DATABASE [eGMasterDB] SET HADR AVAILABILITY GROUP = [CC2K125ECEDB];
GO

-- post-5 (master)
ALTER DATABASE [eGReportsDB] SET HADR AVAILABILITY GROUP = [CC2K125ECEDB];
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

-- patch-2.1 (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGActiveDB_PrePatch_<run>.bak'
 WITH FILE = 1, CHECKSUM;
GO

-- patch-2.1 (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGMasterDB_PrePatch_<run>.bak'
 WITH FILE = 1, CHECKSUM;
GO

-- patch-2.1 (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGReportsDB_PrePatch_<run>.bak'
 WITH FILE = 1, CHECKSUM;
GO

-- rollback (master)
-- only if eGActiveDB is still joined here after REMOVE DATABASE
ALTER DATABASE [eGActiveDB] SET HADR OFF;
GO

-- rollback (master)
-- only if eGMasterDB is still joined here after REMOVE DATABASE
ALTER DATABASE [eGMasterDB] SET HADR OFF;
GO

-- rollback (master)
-- only if eGReportsDB is still joined here after REMOVE DATABASE
ALTER DATABASE [eGReportsDB] SET HADR OFF;
GO

-- rollback post-4 (master)
RESTORE DATABASE [eGActiveDB]
 FROM DISK = N'F:\MSSQL\Backups\eGActiveDB_Reseed_<run>_<rollback>.bak'
 WITH FILE = 1, REPLACE, NORECOVERY, STATS = 25;
GO

-- rollback post-4 (master)
RESTORE LOG [eGActiveDB]
 FROM DISK = N'F:\MSSQL\Backups\eGActiveDB_Reseed_<run>_<rollback>.trn'
 WITH NORECOVERY;
GO

-- rollback post-4 (master)
RESTORE DATABASE [eGMasterDB]
 FROM DISK = N'F:\MSSQL\Backups\eGMasterDB_Reseed_<run>_<rollback>.bak'
 WITH FILE = 1, REPLACE, NORECOVERY, STATS = 25;
GO

-- rollback post-4 (master)
RESTORE LOG [eGMasterDB]
 FROM DISK = N'F:\MSSQL\Backups\eGMasterDB_Reseed_<run>_<rollback>.trn'
 WITH NORECOVERY;
GO

-- rollback post-4 (master)
RESTORE DATABASE [eGReportsDB]
 FROM DISK = N'F:\MSSQL\Backups\eGReportsDB_Reseed_<run>_<rollback>.bak'
 WITH FILE = 1, REPLACE, NORECOVERY, STATS = 25;
GO

-- rollback post-4 (master)
RESTORE LOG [eGReportsDB]
 FROM DISK = N'F:\MSSQL\Backups\eGReportsDB_Reseed_<run>_<rollback>.trn'
 WITH NORECOVERY;
GO

-- rollback post-5 (master)
ALTER DATABASE [eGActiveDB] SET HADR AVAILABILITY GROUP = [CC2K125ECEDB];
GO

-- rollback post-5 (master)
ALTER DATABASE [eGMasterDB] SET HADR AVAILABILITY GROUP = [CC2K125ECEDB];
GO

-- rollback post-5 (master)
ALTER DATABASE [eGReportsDB] SET HADR AVAILABILITY GROUP = [CC2K125ECEDB];
GO
