package com.eceops.runbook.technology.sql;

/**
 * The read-only queries behind facts, guards and the dashboard check (pre-6.4, post-6). Those that take a
 * name take it as a JDBC parameter, never spliced. Dates come back as ISO-8601 text in UTC.
 */
final class DmvQueries {

    private DmvQueries() {
    }

    /** Whether the instance answers at all: after a restart, SQL Server takes logins before it recovers every database. */
    static final String ANSWERING = "SELECT 1 AS answering;";

    /** post-8: the SSISDB procedures a user may execute (GRANT or GRANT WITH GRANT); run in SSISDB. */
    static final String SSIS_CLEANUP_GRANTS = "SELECT OBJECT_NAME(p.major_id) AS procedure_name\n"
            + "FROM sys.database_permissions AS p\n"
            + "JOIN sys.database_principals AS u ON u.principal_id = p.grantee_principal_id\n"
            + "WHERE p.class = 1 AND p.permission_name = N'EXECUTE' AND p.state IN ('G', 'W')\n"
            + "  AND OBJECT_SCHEMA_NAME(p.major_id) = N'internal' AND OBJECT_NAME(p.major_id) LIKE N'cleanup[_]server[_]%'\n"
            + "  AND u.name = ?;";

    static final String SERVER_FACTS = "SELECT CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition,\n"
            + " CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS product_version,\n"
            + " CAST(ISNULL(SERVERPROPERTY('InstanceName'), N'MSSQLSERVER') AS nvarchar(128)) AS instance_name,\n"
            + " CAST(ISNULL(SERVERPROPERTY('IsHadrEnabled'), 0) AS int) AS hadr_enabled;";

    static final String DATABASES = "SELECT d.name, d.state_desc, d.recovery_model_desc,\n"
            + " CASE WHEN d.group_database_id IS NULL THEN 0 ELSE 1 END AS in_availability_group,\n"
            + " CONVERT(nvarchar(33), DATEADD(MINUTE, DATEDIFF(MINUTE, GETDATE(), GETUTCDATE()),\n"
            + "  (SELECT MAX(b.backup_finish_date) FROM msdb.dbo.backupset b WHERE b.database_name = d.name AND b.type = 'D')), 126) AS last_full_utc,\n"
            + " CONVERT(nvarchar(33), DATEADD(MINUTE, DATEDIFF(MINUTE, GETDATE(), GETUTCDATE()),\n"
            + "  (SELECT MAX(b.backup_finish_date) FROM msdb.dbo.backupset b WHERE b.database_name = d.name AND b.type = 'L')), 126) AS last_log_utc\n"
            + "FROM sys.databases d WHERE d.database_id > 4 ORDER BY d.name;";

    /** The local replica's role in each availability group the instance belongs to. */
    static final String LOCAL_ROLES = "SELECT ag.name AS availability_group, ars.role_desc\n"
            + "FROM sys.dm_hadr_availability_replica_states ars\n"
            + "JOIN sys.availability_groups ag ON ag.group_id = ars.group_id\n"
            + "WHERE ars.is_local = 1;";

    static final String REPLICAS = "SELECT ar.replica_server_name, ars.role_desc, rcs.join_state_desc, ars.synchronization_health_desc\n"
            + "FROM sys.availability_groups ag\n"
            + "JOIN sys.availability_replicas ar ON ar.group_id = ag.group_id\n"
            + "LEFT JOIN sys.dm_hadr_availability_replica_states ars ON ars.replica_id = ar.replica_id\n"
            + "LEFT JOIN sys.dm_hadr_availability_replica_cluster_states rcs ON rcs.replica_id = ar.replica_id\n"
            + "WHERE ag.name = ? ORDER BY ar.replica_server_name;";

    static final String DATABASE_REPLICAS = "SELECT adc.database_name, ar.replica_server_name, drs.synchronization_state_desc, drs.synchronization_health_desc\n"
            + "FROM sys.dm_hadr_database_replica_states drs\n"
            + "JOIN sys.availability_replicas ar ON ar.replica_id = drs.replica_id\n"
            + "JOIN sys.availability_databases_cluster adc ON adc.group_database_id = drs.group_database_id\n"
            + "JOIN sys.availability_groups ag ON ag.group_id = drs.group_id\n"
            + "WHERE ag.name = ? ORDER BY adc.database_name, ar.replica_server_name;";

    static final String LISTENER = "SELECT l.dns_name FROM sys.availability_group_listeners l\n"
            + "JOIN sys.availability_groups ag ON ag.group_id = l.group_id WHERE ag.name = ?;";

    static final String ENDPOINTS = "SELECT name, state_desc FROM sys.database_mirroring_endpoints;";

    static final String ENDPOINT_GRANTEES = "SELECT pr.name FROM sys.server_permissions sp\n"
            + "JOIN sys.server_principals pr ON pr.principal_id = sp.grantee_principal_id\n"
            + "JOIN sys.endpoints e ON e.endpoint_id = sp.major_id\n"
            + "WHERE sp.class_desc = N'ENDPOINT' AND sp.permission_name = N'CONNECT' AND sp.state = 'G' AND e.name = ?;";

    static final String AGENT_JOBS = "SELECT j.name, j.description, s.command FROM msdb.dbo.sysjobs j\n"
            + "JOIN msdb.dbo.sysjobsteps s ON s.job_id = j.job_id AND s.step_id = 1 ORDER BY j.name;";

    static final String AGENT_JOB_ENABLED = "SELECT enabled FROM msdb.dbo.sysjobs WHERE name = ?;";

    static final String AVAILABILITY_GROUP_EXISTS = "SELECT name FROM sys.availability_groups WHERE name = ?;";

    static final String BACKUPS_AT_PATH = "SELECT COUNT(*) AS backups FROM msdb.dbo.backupset b\n"
            + "JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id\n"
            + "WHERE f.physical_device_name = ? AND b.database_name = ? AND b.type = ?;";

    static final String RESTORES_FROM_PATH = "SELECT COUNT(*) AS restores FROM msdb.dbo.restorehistory rh\n"
            + "JOIN msdb.dbo.backupset b ON b.backup_set_id = rh.backup_set_id\n"
            + "JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id\n"
            + "WHERE rh.destination_database_name = ? AND f.physical_device_name = ?;";

    /**
     * patch-2.1: the latest full backup of a database written to a file; LSNs as text. backup_finish_date is the
     * server's local time: time_zone (15-minute steps from UTC, at the backup's start; 127 unknown) converts it
     * as it was then, across a daylight-saving change; only an unknown zone falls back to today's offset.
     */
    static final String BACKUP_SET_AT_PATH = "SELECT TOP (1) b.position, CONVERT(nvarchar(40), b.first_lsn) AS first_lsn,\n"
            + " CONVERT(nvarchar(40), b.last_lsn) AS last_lsn,\n"
            + " CONVERT(nvarchar(33), CASE WHEN b.time_zone BETWEEN -48 AND 48 THEN DATEADD(MINUTE, -15 * b.time_zone, b.backup_finish_date)\n"
            + "  ELSE DATEADD(MINUTE, DATEDIFF(MINUTE, GETDATE(), GETUTCDATE()), b.backup_finish_date) END, 126) AS finished_utc\n"
            + "FROM msdb.dbo.backupset b\n"
            + "JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id\n"
            + "WHERE f.physical_device_name = ? AND b.database_name = ? AND b.type = 'D'\n"
            + "ORDER BY b.backup_finish_date DESC;";

    /**
     * Rollback: the latest restore of a database, whatever its file: when (restorehistory.restore_date has no
     * time zone column: converted with today's offset, see docs/sql-server.md), from which file, and the LSNs of the
     * backup set it restored.
     */
    static final String LAST_RESTORE = "SELECT TOP (1) CONVERT(nvarchar(33), DATEADD(MINUTE, DATEDIFF(MINUTE, GETDATE(), GETUTCDATE()),\n"
            + "  rh.restore_date), 126) AS restored_utc, f.physical_device_name,\n"
            + " CONVERT(nvarchar(40), b.first_lsn) AS first_lsn, CONVERT(nvarchar(40), b.last_lsn) AS last_lsn\n"
            + "FROM msdb.dbo.restorehistory rh\n"
            + "JOIN msdb.dbo.backupset b ON b.backup_set_id = rh.backup_set_id\n"
            + "JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id\n"
            + "WHERE rh.destination_database_name = ?\n"
            + "ORDER BY rh.restore_history_id DESC;";

    /**
     * A detached statement's Agent job: whether it runs now (an activity row of the Agent's current session with a
     * start and no stop) and the outcome and message of its step's last run (run_status 0 = failed).
     */
    static final String DETACHED_JOB = "SELECT j.name,\n"
            + " CASE WHEN EXISTS (SELECT 1 FROM msdb.dbo.sysjobactivity a WHERE a.job_id = j.job_id\n"
            + "   AND a.session_id = (SELECT MAX(s.session_id) FROM msdb.dbo.syssessions s)\n"
            + "   AND a.start_execution_date IS NOT NULL AND a.stop_execution_date IS NULL) THEN 1 ELSE 0 END AS running,\n"
            + " h.run_status, h.message\n"
            + "FROM msdb.dbo.sysjobs j\n"
            + "OUTER APPLY (SELECT TOP (1) jh.run_status, jh.message FROM msdb.dbo.sysjobhistory jh\n"
            + "   WHERE jh.job_id = j.job_id AND jh.step_id = 1 ORDER BY jh.instance_id DESC) h\n"
            + "WHERE j.name = ?;";

    /** How far a running BACKUP/RESTORE of a file is: percent_complete of the request whose statement names the file. */
    static final String DETACHED_PROGRESS = "SELECT MAX(r.percent_complete) AS percent_complete\n"
            + "FROM sys.dm_exec_requests r\n"
            + "CROSS APPLY sys.dm_exec_sql_text(r.sql_handle) t\n"
            + "WHERE r.command IN (N'BACKUP DATABASE', N'RESTORE DATABASE') AND CHARINDEX(?, t.text) > 0;";
}
