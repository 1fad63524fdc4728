package com.eceops.runbook.technology.sql;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@link SqlServerOperations} of a real estate as one object: what T-SQL does goes to
 * {@link JdbcSqlServerOperations}, what only the host can do (the AlwaysOn setting, the service restart) to
 * {@link SqlServiceHost}. Both are given in the same mode, so a plan records the statements and the scripts.
 * The host changes check and verify over T-SQL: {@code SERVERPROPERTY('IsHadrEnabled')} before (no change when
 * AlwaysOn is in effect) and, after the restart, again once the instance answers. A plan asks no server: the
 * change is recorded as due.
 */
public final class LiveSqlServerOperations implements SqlServerOperations {

    private final JdbcSqlServerOperations tsql;
    private final SqlServiceHost service;
    private final int verifyAttempts;
    private final Duration betweenAttempts;

    /** After a restart the instance recovers its databases first: it is asked every 10 s for two minutes. */
    public LiveSqlServerOperations(JdbcSqlServerOperations tsql, SqlServiceHost service) {
        this(tsql, service, 12, Duration.ofSeconds(10));
    }

    LiveSqlServerOperations(JdbcSqlServerOperations tsql, SqlServiceHost service, int verifyAttempts,
                            Duration betweenAttempts) {
        this.tsql = tsql;
        this.service = service;
        this.verifyAttempts = verifyAttempts;
        this.betweenAttempts = betweenAttempts;
    }

    /** pre-6.1: the setting only; it is in effect after {@link #restartSqlService}. */
    @Override
    public Change enableAlwaysOn(String host) {
        if (inEffect(host)) {
            return Change.none("AlwaysOn in effect");
        }
        return service.enableAlwaysOn(host);
    }

    /** pre-6.1: restarts the engine and SQL Server Agent so that AlwaysOn takes effect; none when it is. */
    @Override
    public Change restartSqlService(String host) {
        if (inEffect(host)) {
            return Change.none("AlwaysOn in effect, no restart needed");
        }
        Change restarted = service.restartSqlService(host);
        if (!tsql.recording() && !hadrEnabledOnceAnswering(host)) {
            throw new OperationFailedException(host, "verify", "expected AlwaysOn in effect after the restart "
                    + "(SERVERPROPERTY('IsHadrEnabled') = 1) but the server says otherwise");
        }
        return restarted;
    }

    private boolean inEffect(String host) {
        return !tsql.recording() && tsql.readFacts(host).hadrEnabled();
    }

    private boolean hadrEnabledOnceAnswering(String host) {
        for (int attempt = 1; attempt < verifyAttempts && !tsql.isAnswering(host); attempt++) {
            pause();
        }
        return tsql.readFacts(host).hadrEnabled();
    }

    private void pause() {
        try {
            Thread.sleep(betweenAttempts.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("-", "wait for SQL Server", "interrupted");
        }
    }

    @Override
    public SqlServerFacts readFacts(String host) {
        return tsql.readFacts(host);
    }

    @Override
    public boolean isAnswering(String host) {
        return tsql.isAnswering(host);
    }

    @Override
    public Change createDatabase(String host, String database) {
        return tsql.createDatabase(host, database);
    }

    @Override
    public Change setRecoveryModel(String host, String database, RecoveryModel model) {
        return tsql.setRecoveryModel(host, database, model);
    }

    @Override
    public Change backupDatabase(String host, String database, String path, boolean compression) {
        return tsql.backupDatabase(host, database, path, compression);
    }

    @Override
    public Change backupLog(String host, String database, String path) {
        return tsql.backupLog(host, database, path);
    }

    @Override
    public Change restoreDatabase(String host, String database, String path, Recovery recovery) {
        return tsql.restoreDatabase(host, database, path, recovery);
    }

    @Override
    public Change restoreLog(String host, String database, String path, Recovery recovery) {
        return tsql.restoreLog(host, database, path, recovery);
    }

    @Override
    public Change startBackupBeforePatch(String host, String database, String path) {
        return tsql.startBackupBeforePatch(host, database, path);
    }

    @Override
    public BackupVerification verifyBackup(String host, String path, int position) {
        return tsql.verifyBackup(host, path, position);
    }

    @Override
    public Optional<BackupHeader> readBackupHeader(String host, String path, int position) {
        return tsql.readBackupHeader(host, path, position);
    }

    @Override
    public Optional<BackupSetFacts> readBackupSet(String host, String database, String path) {
        return tsql.readBackupSet(host, database, path);
    }

    @Override
    public Optional<RestoreFacts> lastRestore(String host, String database) {
        return tsql.lastRestore(host, database);
    }

    @Override
    public Change startRestoreBeforePatch(String host, PrePatchRestore restore) {
        return tsql.startRestoreBeforePatch(host, restore);
    }

    @Override
    public DetachedRun readDetachedRun(String host, String job, String path) {
        return tsql.readDetachedRun(host, job, path);
    }

    @Override
    public Change replaceSecondaryCopy(String host, String database, String path) {
        return tsql.replaceSecondaryCopy(host, database, path);
    }

    @Override
    public Change leaveAvailabilityGroup(String host, String database) {
        return tsql.leaveAvailabilityGroup(host, database);
    }

    @Override
    public List<DatabaseFacts> readDatabases(String host) {
        return tsql.readDatabases(host);
    }

    @Override
    public Change createHadrEndpoint(String host, int port) {
        return tsql.createHadrEndpoint(host, port);
    }

    @Override
    public Change grantEndpointConnect(String host, String account) {
        return tsql.grantEndpointConnect(host, account);
    }

    @Override
    public Change createAvailabilityGroup(String host, AvailabilityGroupSpec spec) {
        return tsql.createAvailabilityGroup(host, spec);
    }

    @Override
    public Change createListener(String host, String availabilityGroup, ListenerSpec listener) {
        return tsql.createListener(host, availabilityGroup, listener);
    }

    @Override
    public Change joinAvailabilityGroup(String host, String availabilityGroup) {
        return tsql.joinAvailabilityGroup(host, availabilityGroup);
    }

    @Override
    public Change addDatabaseToAvailabilityGroup(String host, String availabilityGroup, String database) {
        return tsql.addDatabaseToAvailabilityGroup(host, availabilityGroup, database);
    }

    @Override
    public Change joinDatabaseToAvailabilityGroup(String host, String availabilityGroup, String database) {
        return tsql.joinDatabaseToAvailabilityGroup(host, availabilityGroup, database);
    }

    @Override
    public Change removeDatabaseFromAvailabilityGroup(String host, String availabilityGroup, String database) {
        return tsql.removeDatabaseFromAvailabilityGroup(host, availabilityGroup, database);
    }

    @Override
    public Change failover(String host, String availabilityGroup) {
        return tsql.failover(host, availabilityGroup);
    }

    @Override
    public AvailabilityGroupState readAvailabilityGroup(String host, String availabilityGroup) {
        return tsql.readAvailabilityGroup(host, availabilityGroup);
    }

    @Override
    public Change ensureAgentJob(String host, AgentJob job) {
        return tsql.ensureAgentJob(host, job);
    }

    @Override
    public List<AgentJob> readAgentJobs(String host) {
        return tsql.readAgentJobs(host);
    }

    @Override
    public Optional<Boolean> readAgentJobEnabled(String host, String job) {
        return tsql.readAgentJobEnabled(host, job);
    }

    @Override
    public Change setAgentJobEnabled(String host, String job, boolean enabled) {
        return tsql.setAgentJobEnabled(host, job, enabled);
    }

    @Override
    public Change grantSsisCleanupPermissions(String host) {
        return tsql.grantSsisCleanupPermissions(host);
    }
}
