package com.eceops.runbook.technology.sql;

import com.eceops.runbook.operations.ChangesEstate;

import com.eceops.runbook.operations.Change;
import java.util.List;
import java.util.Optional;

/**
 * What the runbook does to a SQL Server instance. The rehearsal lab implements it against the simulated
 * estate; the real implementation ({@link LiveSqlServerOperations}) renders T-SQL and runs it through mssql-jdbc,
 * and does on the host by PowerShell what T-SQL cannot. Instances are addressed by
 * the collocated server that hosts them. Setters answer {@link Change#none} when they find the desired state.
 */
public interface SqlServerOperations {

    /** Reads edition, version, instance name and whether AlwaysOn (HADR) is enabled. */
    SqlServerFacts readFacts(String host);

    /**
     * Enables AlwaysOn availability groups on the instance (pre-6.1). Only takes effect after
     * {@link #restartSqlService}; needs the host to be a cluster node.
     */
    @ChangesEstate
    Change enableAlwaysOn(String host);

    /**
     * Restarts the SQL Server service (and SQL Server Agent with it) so that AlwaysOn takes effect; the instance
     * does not answer for about a minute. A real instance where AlwaysOn is in effect already is not restarted.
     */
    @ChangesEstate
    Change restartSqlService(String host);

    /** True when the instance accepts connections. */
    boolean isAnswering(String host);

    @ChangesEstate
    Change createDatabase(String host, String database);

    @ChangesEstate
    Change setRecoveryModel(String host, String database, RecoveryModel model);

    /**
     * {@code BACKUP DATABASE ... TO DISK = path}. Idempotent by path: a full backup of this database already
     * at {@code path} changes nothing, so give a new path for a new backup.
     */
    @ChangesEstate
    Change backupDatabase(String host, String database, String path, boolean compression);

    /** {@code BACKUP LOG ... TO DISK = path}; needs FULL recovery and a full backup. Idempotent by path. */
    @ChangesEstate
    Change backupLog(String host, String database, String path);

    /**
     * {@code RESTORE DATABASE ... FROM DISK = path WITH NORECOVERY|RECOVERY}. Restoring the same backup again
     * changes nothing; restoring over a database in an availability group is refused.
     */
    @ChangesEstate
    Change restoreDatabase(String host, String database, String path, Recovery recovery);

    /** {@code RESTORE LOG ... FROM DISK = path WITH NORECOVERY|RECOVERY} onto a database in RESTORING state. */
    @ChangesEstate
    Change restoreLog(String host, String database, String path, Recovery recovery);

    /**
     * patch-2.1: starts {@code BACKUP DATABASE ... TO DISK = path WITH INIT, COPY_ONLY, CHECKSUM} detached, as a SQL
     * Server Agent job ({@link DetachedJobs#backupBeforePatch}), and returns at once; {@link #readDetachedRun} follows
     * it. Refused unless {@code host} is the primary replica. A job of that name still running changes nothing; a
     * failed one is replaced. The caller decides whether a backup is needed at all.
     */
    @ChangesEstate
    Change startBackupBeforePatch(String host, String database, String path);

    /**
     * patch-2.1 and rollback: {@code RESTORE VERIFYONLY FROM DISK = path WITH FILE = position, CHECKSUM}; an
     * unreadable backup is an answer, not a failure.
     */
    BackupVerification verifyBackup(String host, String path, int position);

    /** Rollback: {@code RESTORE HEADERONLY ... WITH FILE = position}; empty when the file holds no such set. */
    Optional<BackupHeader> readBackupHeader(String host, String path, int position);

    /** The latest full backup of {@code database} written to {@code path}, as the history of {@code host} shows it. */
    Optional<BackupSetFacts> readBackupSet(String host, String database, String path);

    /** The latest restore of {@code database} on {@code host}, from its restore history, whatever the file. */
    Optional<RestoreFacts> lastRestore(String host, String database);

    /**
     * Rollback: starts, detached as a SQL Server Agent job ({@link DetachedJobs#restoreBeforePatch}), {@code ALTER
     * DATABASE ... SET SINGLE_USER WITH ROLLBACK IMMEDIATE; RESTORE DATABASE ... FROM DISK = path WITH FILE = position,
     * REPLACE, RECOVERY, CHECKSUM} and MULTI_USER again. Refused while the database is joined to an availability
     * group, on a secondary replica, on any server but the one that took the backup or the primary, from a file that
     * fails RESTORE VERIFYONLY, and from a file whose header is not the recorded backup set. A job of that name still
     * running changes nothing.
     */
    @ChangesEstate
    Change startRestoreBeforePatch(String host, PrePatchRestore restore);

    /** Where a detached statement's Agent job stands, with the percent complete of the statement naming {@code path}. */
    DetachedRun readDetachedRun(String host, String job, String path);

    /**
     * Re-seeding: {@code RESTORE DATABASE ... WITH REPLACE, NORECOVERY} over a stale copy on a secondary replica
     * (left restoring after its database left the group). Refused on anything but a secondary replica and over
     * a copy still joined to a group. The same backup again changes nothing.
     */
    @ChangesEstate
    Change replaceSecondaryCopy(String host, String database, String path);

    /** Rollback: {@code ALTER DATABASE ... SET HADR OFF} on a secondary whose copy is still joined; refused on the primary. */
    @ChangesEstate
    Change leaveAvailabilityGroup(String host, String database);

    /** The user databases (SSISDB included): state, recovery model, AG membership, last backups. */
    List<DatabaseFacts> readDatabases(String host);

    /** {@code CREATE ENDPOINT Hadr_endpoint ... FOR DATABASE_MIRRORING (ROLE = ALL)} on the port, started. */
    @ChangesEstate
    Change createHadrEndpoint(String host, int port);

    /** {@code GRANT CONNECT ON ENDPOINT::Hadr_endpoint TO [account]}. */
    @ChangesEstate
    Change grantEndpointConnect(String host, String account);

    /** {@code CREATE AVAILABILITY GROUP} on the primary {@code host} (pre-6.3). */
    @ChangesEstate
    Change createAvailabilityGroup(String host, AvailabilityGroupSpec spec);

    /** {@code ALTER AVAILABILITY GROUP ... ADD LISTENER}: one static IP per subnet. */
    @ChangesEstate
    Change createListener(String host, String availabilityGroup, ListenerSpec listener);

    /** {@code ALTER AVAILABILITY GROUP ... JOIN} on a secondary replica. */
    @ChangesEstate
    Change joinAvailabilityGroup(String host, String availabilityGroup);

    /** {@code ALTER AVAILABILITY GROUP ... ADD DATABASE} on the primary (post-5, "join only" on the secondary). */
    @ChangesEstate
    Change addDatabaseToAvailabilityGroup(String host, String availabilityGroup, String database);

    /** {@code ALTER DATABASE ... SET HADR AVAILABILITY GROUP = ...} on a secondary whose copy is restoring. */
    @ChangesEstate
    Change joinDatabaseToAvailabilityGroup(String host, String availabilityGroup, String database);

    /** {@code ALTER AVAILABILITY GROUP ... REMOVE DATABASE} on the primary. */
    @ChangesEstate
    Change removeDatabaseFromAvailabilityGroup(String host, String availabilityGroup, String database);

    /** {@code ALTER AVAILABILITY GROUP ... FAILOVER} run on the secondary that becomes primary; no data loss. */
    @ChangesEstate
    Change failover(String host, String availabilityGroup);

    /** Replicas with role and health, databases with synchronization state; {@code exists} false if none. */
    AvailabilityGroupState readAvailabilityGroup(String host, String availabilityGroup);

    /** Creates or updates a SQL Server Agent job (post-9); the same definition changes nothing. */
    @ChangesEstate
    Change ensureAgentJob(String host, AgentJob job);

    /** The SQL Server Agent jobs of the instance. */
    List<AgentJob> readAgentJobs(String host);

    /** Whether the Agent job runs on its schedule ({@code msdb.dbo.sysjobs.enabled}); empty when there is no such job. */
    Optional<Boolean> readAgentJobEnabled(String host, String job);

    /**
     * Enables or disables an Agent job's schedule ({@code msdb.dbo.sp_update_job @enabled}); a job already so changes
     * nothing. The rollback stops post-9's log backups while the databases are out of the group.
     */
    @ChangesEstate
    Change setAgentJobEnabled(String host, String job, boolean enabled);

    /**
     * post-8: {@code GRANT EXECUTE} in SSISDB on the four {@code internal.cleanup_server_*} procedures to
     * {@code ##MS_SSISServerCleanupJobUser##}, so the SSIS Server Maintenance Job stops failing. Grants already
     * in place change nothing.
     */
    @ChangesEstate
    Change grantSsisCleanupPermissions(String host);

    enum RecoveryModel { SIMPLE, FULL, BULK_LOGGED }

    enum Recovery { NORECOVERY, RECOVERY }
}
