package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.SecretResolver;
import com.eceops.runbook.estate.Side;
import com.eceops.runbook.estate.Subnet;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The T-SQL part of {@link SqlServerOperations}: statements from the renderers, run by {@link BatchRunner} over
 * mssql-jdbc, each setter reading the server's state first (no change when already there), refusing through
 * {@link SqlGuards} before anything destructive, and reading again after it ran. What T-SQL cannot do, on the
 * host, is {@link SqlServiceHost}'s; {@link LiveSqlServerOperations} is the two as one.
 *
 * <p>In its {@linkplain #recording recording} form it is the plan's source of T-SQL: every script a change
 * would run is recorded with its server, database and procedure step, and nothing connects. A plan is made
 * before a window without any server's answer, so there the checks take the "not there yet" path (the change
 * is recorded as due), the guards and the verification after a change are not asked (a run asks them of the
 * server when it is there), and the reads inside a change answer no rows. Statements a change sends to decide,
 * such as {@code RESTORE VERIFYONLY} before a rollback's restore, are recorded as the run would send them.
 */
public final class JdbcSqlServerOperations {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /** Opens the session of one operation on one instance and database. */
    @FunctionalInterface
    private interface Sessions {
        SqlSession open(String host, String database);
    }

    private final Estate estate;
    private final Sessions sessions;
    private final boolean recording;

    public JdbcSqlServerOperations(Estate estate, SecretResolver secrets) {
        this(estate, new EstateConnections(estate, new JdbcConnector(estate.sqlConnection().orElseThrow(() ->
                new IllegalStateException("estate " + estate.name() + " has no sqlServer.connection")), secrets)),
                DEFAULT_TIMEOUT);
    }

    JdbcSqlServerOperations(Estate estate, ConnectionSource connections, Duration timeout) {
        this(estate, (host, database) -> new JdbcSession(connections.open(host, database), host, timeout), false);
    }

    private JdbcSqlServerOperations(Estate estate, Sessions sessions, boolean recording) {
        this.estate = estate;
        this.sessions = sessions;
        this.recording = recording;
    }

    /**
     * The plan form: records what every change would run, per server and {@code step} (the procedure step now
     * running), secrets masked, and never connects; see the class comment for how it decides without a server.
     */
    public static JdbcSqlServerOperations recording(Estate estate, ScriptRecorder recorder, Supplier<String> step) {
        return new JdbcSqlServerOperations(estate, (host, database) -> new RecordingSession(host, recorder, step), true);
    }

    /** True in the plan form: nothing is read from a server, so a caller deciding on a read must not ask. */
    public boolean recording() {
        return recording;
    }

    private <T> T with(String host, String database, Function<SqlSession, T> work) {
        try (SqlSession session = sessions.open(host, database)) {
            return work.apply(session);
        }
    }

    /** A run asks the server whether the change is there; a plan records it as due. */
    private boolean alreadyThere(BooleanSupplier check) {
        return !recording && check.getAsBoolean();
    }

    /** A guard refuses on the server's answers, which a plan does not have: a run asks it. */
    private void guard(Runnable guard) {
        if (!recording) {
            guard.run();
        }
    }

    private <T> T read(String host, Function<ServerStateReader, T> work) {
        return with(host, "master", s -> work.apply(new ServerStateReader(s, host)));
    }

    public SqlServerFacts readFacts(String host) {
        return read(host, ServerStateReader::facts);
    }

    public boolean isAnswering(String host) {
        try {
            return with(host, "master", s -> !s.query(DmvQueries.ANSWERING).isEmpty());
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Change createDatabase(String host, String database) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            if (alreadyThere(() -> state.database(database).isPresent())) {
                return Change.none("database " + database + " present");
            }
            s.run(DatabaseStatements.createSeedingDatabase(database, estate.paths().sqlData()), "master", "pre-6.2");
            verify(host, () -> state.database(database).isPresent(), "database " + database + " exists after CREATE DATABASE");
            return Change.of("database " + database + " absent", "database " + database + " present");
        });
    }

    public Change setRecoveryModel(String host, String database, RecoveryModel model) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            RecoveryModel before = recording ? null : existing(host, state, database).recoveryModel();
            if (before == model) {
                return Change.none("recovery " + model);
            }
            s.run(DatabaseStatements.setRecoveryModel(database, model), "master", "post-3.1");
            verify(host, () -> existing(host, state, database).recoveryModel() == model, database + " is in " + model + " recovery");
            return Change.of("recovery " + (before == null ? "as found" : before), "recovery " + model);
        });
    }

    public Change backupDatabase(String host, String database, String path, boolean compression) {
        return backup(host, database, path, "D", DatabaseStatements.backupDatabase(database, path,
                new DatabaseStatements.BackupOptions(database + "-Full Database Backup", compression, 25)), "post-3.2");
    }

    public Change backupLog(String host, String database, String path) {
        return backup(host, database, path, "L", DatabaseStatements.backupLog(database, path,
                new DatabaseStatements.BackupOptions(database + "-Transaction Log Backup", true, 25)), "post-3.3");
    }

    private Change backup(String host, String database, String path, String type, String sql, String step) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            if (alreadyThere(() -> state.count(DmvQueries.BACKUPS_AT_PATH, path, database, type) > 0)) {
                return Change.none("backup of " + database + " at " + path);
            }
            s.run(sql, "master", step);
            verify(host, () -> state.count(DmvQueries.BACKUPS_AT_PATH, path, database, type) > 0,
                    "msdb records the backup of " + database + " at " + path);
            return Change.of("-", "backup of " + database + " at " + path);
        });
    }

    public Change restoreDatabase(String host, String database, String path, Recovery recovery) {
        return restore(host, database, path, DatabaseStatements.restoreDatabase(database, path, recovery), recovery);
    }

    public Change restoreLog(String host, String database, String path, Recovery recovery) {
        return restore(host, database, path, DatabaseStatements.restoreLog(database, path, recovery), recovery);
    }

    private Change restore(String host, String database, String path, String sql, Recovery recovery) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            guard(() -> SqlGuards.restore(host, database, state.localRoles(), state.databases()));
            if (alreadyThere(() -> state.count(DmvQueries.RESTORES_FROM_PATH, database, path) > 0)) {
                return Change.none(database + " restored from " + path);
            }
            s.run(sql, "master", "post-4");
            String expected = recovery == Recovery.NORECOVERY ? "RESTORING" : "ONLINE";
            verify(host, () -> existing(host, state, database).state().equals(expected), database + " is " + expected);
            return Change.of("-", database + " restored from " + path + ", " + expected);
        });
    }

    public Change startBackupBeforePatch(String host, String database, String path) {
        return with(host, "msdb", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            guard(() -> {
                SqlGuards.onPrimary(host, "BACKUP DATABASE " + database + " before the patch", state.localRoles());
                existing(host, state, database);
            });
            String job = DetachedJobs.backupBeforePatch(database, path);
            String sql = DatabaseStatements.backupDatabase(database, path, DatabaseStatements.beforePatch(database));
            return startDetached(s, state, host, job, path, "patch-2.1: pre-patch backup of " + database, sql);
        });
    }

    public Change startRestoreBeforePatch(String host, PrePatchRestore restore) {
        return with(host, "msdb", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            String job = DetachedJobs.restoreBeforePatch(restore.database(), restore.path());
            if (alreadyThere(() -> state.detachedRun(job, restore.path()).running())) {
                return Change.none("job " + job + " running");
            }
            // The file is read before the guard decides, in a plan too: these statements are part of what is sent.
            BackupVerification verification = verify(s, restore.path(), restore.position());
            Optional<BackupHeader> header = state.backupHeader(restore.path(), restore.position());
            guard(() -> SqlGuards.restoreBeforePatch(host, restore, state.localRoles(), state.databases(), verification, header));
            String sql = DatabaseStatements.restoreBeforePatch(restore.database(), restore.path(), restore.position());
            return startDetached(s, state, host, job, restore.path(), "rollback: restore of " + restore.database()
                    + " from before the patch", sql);
        });
    }

    /** A running job of that name is the one started before (a retried start); a failed one is replaced. */
    private Change startDetached(SqlSession s, ServerStateReader state, String host, String job, String path,
                                 String description, String sql) {
        DetachedRun before = state.detachedRun(job, path);
        if (alreadyThere(before::running)) {
            return Change.none("job " + job + " running");
        }
        s.run(DetachedStatements.startJob(job, description, sql, before.failed()), "msdb", "patch-2.1");
        return Change.of(before.failed() ? "job " + job + " failed: " + before.message() : "-", "job " + job + " started");
    }

    public DetachedRun readDetachedRun(String host, String job, String path) {
        return with(host, "msdb", s -> new ServerStateReader(s, host).detachedRun(job, path));
    }

    /** patch-2.1: reads the backup set back without restoring it; what the server refuses is the verdict. */
    public BackupVerification verifyBackup(String host, String path, int position) {
        return with(host, "master", s -> verify(s, path, position));
    }

    private static BackupVerification verify(SqlSession session, String path, int position) {
        try {
            List<BatchResult> results = session.run(DatabaseStatements.verifyBackup(path, position), "master", "patch-2.1");
            String said = results.stream().flatMap(r -> r.messages().stream()).map(ServerMessage::text)
                    .collect(java.util.stream.Collectors.joining(" "));
            return new BackupVerification(path, true, said.isBlank() ? "valid" : said);
        } catch (SqlStatementFailedException e) {
            // Only the server's own errors (3201 cannot open, 3013 terminating, 3241/3242/3203 damaged, 3187 no checksums) are a verdict.
            if (e.errors().stream().noneMatch(m -> m.number() > 0 && m.isError())) {
                throw e;
            }
            return new BackupVerification(path, false, e.errors().stream().map(ServerMessage::toString)
                    .collect(java.util.stream.Collectors.joining(" | ")));
        }
    }

    public Optional<BackupHeader> readBackupHeader(String host, String path, int position) {
        return with(host, "master", s -> {
            try {
                return new ServerStateReader(s, host).backupHeader(path, position);
            } catch (SqlStatementFailedException e) {
                // A file that cannot be opened or has no set at that position holds no header: the guard's answer.
                if (e.errors().stream().noneMatch(m -> m.number() > 0 && m.isError())) {
                    throw e;
                }
                return Optional.empty();
            }
        });
    }

    public Optional<BackupSetFacts> readBackupSet(String host, String database, String path) {
        return read(host, r -> r.backupSet(database, path));
    }

    public Optional<RestoreFacts> lastRestore(String host, String database) {
        return read(host, r -> r.lastRestore(database));
    }

    public Change replaceSecondaryCopy(String host, String database, String path) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            guard(() -> SqlGuards.replaceOnSecondary(host, database, state.localRoles(), state.databases()));
            if (alreadyThere(() -> state.count(DmvQueries.RESTORES_FROM_PATH, database, path) > 0)) {
                return Change.none(database + " restored from " + path);
            }
            s.run(DatabaseStatements.restoreDatabaseReplacing(database, path, 1, Recovery.NORECOVERY), "master", "post-4");
            verify(host, () -> existing(host, state, database).state().equals("RESTORING"), database + " is RESTORING");
            return Change.of(database + " stale copy", database + " restored from " + path + ", RESTORING");
        });
    }

    public Change leaveAvailabilityGroup(String host, String database) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            guard(() -> SqlGuards.onSecondary(host, "ALTER DATABASE " + database + " SET HADR OFF", state.localRoles()));
            if (alreadyThere(() -> !existing(host, state, database).inAvailabilityGroup())) {
                return Change.none(database + " not joined");
            }
            s.run(AvailabilityGroupStatements.leaveGroup(database), "master", "patch-2.1");
            verify(host, () -> !existing(host, state, database).inAvailabilityGroup(), database + " is no longer joined");
            return Change.of(database + " joined", database + " not joined");
        });
    }

    /** post-8: the four GRANTs in SSISDB for the SSIS Server Maintenance Job. GRANT is idempotent. */
    public List<BatchResult> grantSsisCleanup(String host) {
        return with(host, SqlGuards.SSISDB, s -> s.run(SsisStatements.grantCleanupExecute(SqlGuards.SSISDB), SqlGuards.SSISDB, "post-8"));
    }

    public Change grantSsisCleanupPermissions(String host) {
        List<String> before = ssisCleanupGrants(host);
        if (alreadyThere(() -> before.containsAll(SsisStatements.CLEANUP_PROCEDURES))) {
            return Change.none("EXECUTE on " + String.join(", ", before) + " granted to " + SsisStatements.CLEANUP_USER);
        }
        grantSsisCleanup(host);
        List<String> after = recording ? SsisStatements.CLEANUP_PROCEDURES : ssisCleanupGrants(host);
        verify(host, () -> after.containsAll(SsisStatements.CLEANUP_PROCEDURES),
                "EXECUTE on " + SsisStatements.CLEANUP_PROCEDURES + " granted to " + SsisStatements.CLEANUP_USER);
        return Change.of(before.isEmpty() ? "-" : String.join(", ", before),
                "EXECUTE on " + String.join(", ", after) + " granted to " + SsisStatements.CLEANUP_USER);
    }

    /** The internal.cleanup_server_* procedures of SSISDB the cleanup user may execute (GRANT or GRANT WITH GRANT). */
    private List<String> ssisCleanupGrants(String host) {
        return with(host, SqlGuards.SSISDB, s -> s.query(DmvQueries.SSIS_CLEANUP_GRANTS, SsisStatements.CLEANUP_USER).stream()
                .map(row -> String.valueOf(row.get("procedure_name"))).sorted().toList());
    }


    public List<DatabaseFacts> readDatabases(String host) {
        return read(host, ServerStateReader::databases);
    }

    public Change createHadrEndpoint(String host, int port) {
        return with(host, "master", s -> {
            if (alreadyThere(() -> !s.query(DmvQueries.ENDPOINTS).isEmpty())) {
                return Change.none("mirroring endpoint present");
            }
            s.run(AvailabilityGroupStatements.createEndpoint(port), "master", "pre-6.3");
            verify(host, () -> !s.query(DmvQueries.ENDPOINTS).isEmpty(), "a mirroring endpoint exists");
            return Change.of("no mirroring endpoint", AvailabilityGroupStatements.ENDPOINT + " on port " + port);
        });
    }

    public Change grantEndpointConnect(String host, String account) {
        return with(host, "master", s -> {
            if (alreadyThere(() -> s.query(DmvQueries.ENDPOINT_GRANTEES, AvailabilityGroupStatements.ENDPOINT).stream()
                    .anyMatch(r -> account.equalsIgnoreCase(String.valueOf(r.get("name")))))) {
                return Change.none("CONNECT granted to " + account);
            }
            s.run(AvailabilityGroupStatements.grantEndpointConnect(account), "master", "pre-6.3");
            return Change.of("-", "CONNECT granted to " + account);
        });
    }

    public Change createAvailabilityGroup(String host, AvailabilityGroupSpec spec) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            String operation = "CREATE AVAILABILITY GROUP " + spec.name();
            spec.databases().forEach(d -> SqlGuards.notSsisdb(host, operation, d));
            guard(() -> SqlGuards.editionAllows(state.facts(), operation, spec.databases().size()));
            if (alreadyThere(() -> state.availabilityGroup(spec.name()).exists())) {
                return Change.none("availability group " + spec.name() + " present");
            }
            s.run(AvailabilityGroupStatements.createAvailabilityGroup(spec.name(), spec.databases(), replicas(spec),
                    AvailabilityGroupStatements.BackupPreference.of(spec.backupPreference()), spec.databaseHealthDetection()),
                    "master", "pre-6.3");
            verify(host, () -> state.availabilityGroup(spec.name()).exists(), "availability group " + spec.name() + " exists");
            return Change.of("-", "availability group " + spec.name() + " with " + spec.databases());
        });
    }

    List<AvailabilityGroupStatements.ReplicaSpec> replicas(AvailabilityGroupSpec spec) {
        return spec.replicas().stream().map(r -> new AvailabilityGroupStatements.ReplicaSpec(serverInstance(r.host()),
                r.endpointUrl(), r.synchronousCommit(), r.readableSecondary())).toList();
    }

    /** The name CREATE AVAILABILITY GROUP wants: @@SERVERNAME, i.e. HOST or HOST\INSTANCE. */
    String serverInstance(String host) {
        return estate.collocatedServers().stream().filter(s -> s.name().equalsIgnoreCase(host)).findFirst()
                .map(s -> s.sqlInstance() == null || s.sqlInstance().equalsIgnoreCase("MSSQLSERVER")
                        ? s.name() : s.name() + "\\" + s.sqlInstance())
                .orElse(host);
    }

    public Change createListener(String host, String availabilityGroup, ListenerSpec listener) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            AvailabilityGroupState group = state.availabilityGroup(availabilityGroup);
            if (alreadyThere(() -> group.listenerName() != null)) {
                return Change.none("listener " + group.listenerName());
            }
            s.run(AvailabilityGroupStatements.addListener(availabilityGroup, listener.name(), addresses(listener),
                    listener.port()), "master", "pre-6.3");
            return Change.of("no listener", "listener " + listener.name() + " " + listener.ips() + ":" + listener.port());
        });
    }

    /** Each listener IP with the mask of the estate subnet that holds it. */
    List<AvailabilityGroupStatements.ListenerAddress> addresses(ListenerSpec listener) {
        List<AvailabilityGroupStatements.ListenerAddress> addresses = new ArrayList<>();
        for (String ip : listener.ips()) {
            Subnet subnet = estate.sides().stream().map(Side::subnet).filter(n -> n.contains(ip)).findFirst()
                    .orElseThrow(() -> new OperationFailedException(listener.name(), "add listener",
                            ip + " is in neither side's subnet"));
            addresses.add(new AvailabilityGroupStatements.ListenerAddress(ip, mask(subnet.prefixLength())));
        }
        return addresses;
    }

    static String mask(int prefixLength) {
        long bits = prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
    }

    public Change joinAvailabilityGroup(String host, String availabilityGroup) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            if (alreadyThere(() -> state.localRoles().containsKey(availabilityGroup))) {
                return Change.none("joined to " + availabilityGroup);
            }
            s.run(AvailabilityGroupStatements.join(availabilityGroup), "master", "pre-6.4");
            return Change.of("not joined", "joined to " + availabilityGroup);
        });
    }

    public Change addDatabaseToAvailabilityGroup(String host, String availabilityGroup, String database) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            String operation = "ALTER AVAILABILITY GROUP " + availabilityGroup + " ADD DATABASE " + database;
            SqlGuards.notSsisdb(host, operation, database);
            if (alreadyThere(() -> existing(host, state, database).inAvailabilityGroup())) {
                return Change.none(database + " in " + availabilityGroup);
            }
            guard(() -> SqlGuards.editionAllows(state.facts(), operation,
                    (int) state.databases().stream().filter(DatabaseFacts::inAvailabilityGroup).count() + 1));
            s.run(AvailabilityGroupStatements.addDatabase(availabilityGroup, database), "master", "post-5");
            return Change.of(database + " not in " + availabilityGroup, database + " in " + availabilityGroup);
        });
    }

    public Change joinDatabaseToAvailabilityGroup(String host, String availabilityGroup, String database) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            SqlGuards.notSsisdb(host, "ALTER DATABASE " + database + " SET HADR", database);
            if (alreadyThere(() -> existing(host, state, database).inAvailabilityGroup())) {
                return Change.none(database + " joined to " + availabilityGroup);
            }
            s.run(AvailabilityGroupStatements.joinDatabase(availabilityGroup, database), "master", "post-5");
            return Change.of(database + " restoring", database + " joined to " + availabilityGroup);
        });
    }

    public Change removeDatabaseFromAvailabilityGroup(String host, String availabilityGroup, String database) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            if (alreadyThere(() -> !existing(host, state, database).inAvailabilityGroup())) {
                return Change.none(database + " not in " + availabilityGroup);
            }
            s.run(AvailabilityGroupStatements.removeDatabase(availabilityGroup, database), "master", "post-5");
            return Change.of(database + " in " + availabilityGroup, database + " not in " + availabilityGroup);
        });
    }

    public Change failover(String host, String availabilityGroup) {
        return with(host, "master", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            String role = recording ? "as found" : state.localRoles().get(availabilityGroup);
            if (alreadyThere(() -> "PRIMARY".equalsIgnoreCase(role))) {
                return Change.none(host + " PRIMARY");
            }
            s.run(AvailabilityGroupStatements.failover(availabilityGroup), "master", "pre-chk");
            return Change.of(host + " " + role, host + " PRIMARY");
        });
    }

    public AvailabilityGroupState readAvailabilityGroup(String host, String availabilityGroup) {
        return read(host, r -> r.availabilityGroup(availabilityGroup));
    }

    public Change ensureAgentJob(String host, AgentJob job) {
        return with(host, "msdb", s -> {
            ServerStateReader state = new ServerStateReader(s, host);
            List<AgentJob> jobs = state.agentJobs();
            if (alreadyThere(() -> jobs.contains(job))) {
                return Change.none("job " + job.name() + " as defined");
            }
            String before = jobs.stream().anyMatch(j -> j.name().equals(job.name())) ? "job " + job.name() + " differs" : "-";
            s.run(AgentJobStatements.replaceJob(job), "msdb", "post-9");
            return Change.of(before, "job " + job.name() + " " + job.schedule());
        });
    }

    public List<AgentJob> readAgentJobs(String host) {
        return read(host, ServerStateReader::agentJobs);
    }

    public Optional<Boolean> readAgentJobEnabled(String host, String job) {
        return with(host, "msdb", s -> new ServerStateReader(s, host).agentJobEnabled(job));
    }

    public Change setAgentJobEnabled(String host, String job, boolean enabled) {
        String state = enabled ? "enabled" : "disabled";
        return with(host, "msdb", s -> {
            ServerStateReader reader = new ServerStateReader(s, host);
            if (alreadyThere(() -> reader.agentJobEnabled(job).map(on -> on == enabled).orElseThrow(() ->
                    new OperationFailedException(host, "set job " + job + " " + state, "there is no such job")))) {
                return Change.none("job " + job + " " + state);
            }
            s.run(AgentJobStatements.setEnabled(job, enabled), "msdb", "patch-2.1");
            verify(host, () -> reader.agentJobEnabled(job).orElse(!enabled) == enabled, "job " + job + " " + state);
            return Change.of("job " + job + " " + (enabled ? "disabled" : "enabled"), "job " + job + " " + state);
        });
    }

    private static DatabaseFacts existing(String host, ServerStateReader state, String database) {
        return state.database(database).orElseThrow(() ->
                new OperationFailedException(host, "read database " + database, "it does not exist"));
    }

    /** Reads the state again after a change; a plan has no state to read. */
    private void verify(String host, BooleanSupplier holds, String expectation) {
        if (!recording && !holds.getAsBoolean()) {
            throw new OperationFailedException(host, "verify", "expected " + expectation + " but the server says otherwise");
        }
    }
}
