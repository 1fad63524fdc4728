package com.eceops.runbook.sql;

/**
 * The read-only queries behind facts, guards and the dashboard check (pre-6.4, post-6). Those that take a
 * name take it as a JDBC parameter, never spliced. Dates come back as ISO-8601 text in UTC.
 */
final class DmvQueries {

    private DmvQueries() {
    }

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

    static final String AVAILABILITY_GROUP_EXISTS = "SELECT name FROM sys.availability_groups WHERE name = ?;";

    static final String BACKUPS_AT_PATH = "SELECT COUNT(*) AS backups FROM msdb.dbo.backupset b\n"
            + "JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id\n"
            + "WHERE f.physical_device_name = ? AND b.database_name = ? AND b.type = ?;";

    static final String RESTORES_FROM_PATH = "SELECT COUNT(*) AS restores FROM msdb.dbo.restorehistory rh\n"
            + "JOIN msdb.dbo.backupset b ON b.backup_set_id = rh.backup_set_id\n"
            + "JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id\n"
            + "WHERE rh.destination_database_name = ? AND f.physical_device_name = ?;";

    /** patch-2.1: the latest full backup of a database written to a file; finish time in UTC, LSNs as text. */
    static final String BACKUP_SET_AT_PATH = "SELECT TOP (1) b.position, CONVERT(nvarchar(40), b.first_lsn) AS first_lsn,\n"
            + " CONVERT(nvarchar(40), b.last_lsn) AS last_lsn,\n"
            + " CONVERT(nvarchar(33), DATEADD(MINUTE, DATEDIFF(MINUTE, GETDATE(), GETUTCDATE()), b.backup_finish_date), 126) AS finished_utc\n"
            + "FROM msdb.dbo.backupset b\n"
            + "JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id\n"
            + "WHERE f.physical_device_name = ? AND b.database_name = ? AND b.type = 'D'\n"
            + "ORDER BY b.backup_finish_date DESC;";

    /** Rollback: when a database was last restored from a file (restorehistory.restore_date, in UTC). */
    static final String LAST_RESTORE_FROM_PATH = "SELECT CONVERT(nvarchar(33), DATEADD(MINUTE, DATEDIFF(MINUTE, GETDATE(), GETUTCDATE()),\n"
            + "  MAX(rh.restore_date)), 126) AS restored_utc\n"
            + "FROM msdb.dbo.restorehistory rh\n"
            + "JOIN msdb.dbo.backupset b ON b.backup_set_id = rh.backup_set_id\n"
            + "JOIN msdb.dbo.backupmediafamily f ON f.media_set_id = b.media_set_id\n"
            + "WHERE rh.destination_database_name = ? AND f.physical_device_name = ?;";
}
