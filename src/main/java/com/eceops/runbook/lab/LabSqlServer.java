package com.eceops.runbook.lab;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.sql.AgentJob;
import com.eceops.runbook.technology.sql.AvailabilityGroupSpec;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;
import com.eceops.runbook.technology.sql.BackupHeader;
import com.eceops.runbook.technology.sql.BackupSetFacts;
import com.eceops.runbook.technology.sql.DetachedRun;
import com.eceops.runbook.technology.sql.PrePatchRestore;
import com.eceops.runbook.technology.sql.RestoreFacts;
import com.eceops.runbook.technology.sql.BackupVerification;
import com.eceops.runbook.technology.sql.DatabaseFacts;
import com.eceops.runbook.technology.sql.ListenerSpec;
import com.eceops.runbook.technology.sql.SqlServerFacts;
import com.eceops.runbook.technology.sql.SqlServerOperations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The simulated SQL Server instances: HADR, databases, backups and restores; AG work is in {@link LabAvailabilityGroup}. */
final class LabSqlServer implements SqlServerOperations {

    private final LabContext lab;
    private final LabFileSystem files;
    private final LabAvailabilityGroup availabilityGroup;
    private final LabPrePatchBackups prePatch;

    LabSqlServer(LabContext lab) {
        this.lab = lab;
        this.files = new LabFileSystem(lab);
        this.availabilityGroup = new LabAvailabilityGroup(lab, this);
        this.prePatch = new LabPrePatchBackups(lab, this, files);
    }

    /** The instance on a host, which must answer; the listener's name reaches the primary, as a connection would. */
    SqlInstanceState instance(String host) {
        HostState h = lab.reachableHost(replicaBehind(host));
        SqlInstanceState sql = lab.state().sql.get(h.name);
        if (sql == null) {
            throw lab.refuse(h.name, "no SQL Server instance on " + h.name);
        }
        if (!sql.answeringAt(lab.now())) {
            throw new OperationFailedException(h.name, lab.operation(),
                    "SQL Server does not answer (service restarting until " + sql.restartingUntil + ")");
        }
        return sql;
    }

    private String replicaBehind(String host) {
        AgLabState ag = lab.state().availabilityGroup;
        if (ag != null && ag.listenerName != null && ag.primary() != null
                && LabContext.shortName(host).equals(LabContext.key(ag.listenerName))) {
            return ag.primary();
        }
        return host;
    }

    SqlInstanceState.Database database(SqlInstanceState sql, String name) {
        SqlInstanceState.Database db = sql.databases.get(LabContext.key(name));
        if (db == null) {
            throw lab.refuse(sql.host, "database " + name + " does not exist on " + sql.host);
        }
        return db;
    }

    @Override
    public SqlServerFacts readFacts(String host) {
        SqlInstanceState sql = instance(host);
        return new SqlServerFacts(sql.host, sql.edition, sql.productVersion, sql.instanceName, sql.hadrActive);
    }

    @Override
    public Change enableAlwaysOn(String host) {
        SqlInstanceState sql = instance(host);
        ClusterLabState cluster = lab.state().cluster;
        if (cluster == null || !cluster.nodes.contains(sql.host)) {
            throw lab.refuse(sql.host, "AlwaysOn needs the host to be a node of a failover cluster: no WSFC name shows (pre-5.1 before pre-6.1)");
        }
        if (sql.hadrEnabled) {
            return LabContext.unchanged("AlwaysOn", sql.hadrActive ? "enabled" : "enabled, restart pending");
        }
        sql.hadrEnabled = true;
        return lab.record(sql.host, "AlwaysOn", "disabled", "enabled, takes effect after the SQL service restarts");
    }

    @Override
    public Change restartSqlService(String host) {
        SqlInstanceState sql = instance(host);
        Instant back = lab.now().plus(lab.durations().sqlRestart());
        sql.restartingUntil = back;
        boolean hadrBefore = sql.hadrActive;
        sql.hadrActive = sql.hadrEnabled;
        return lab.record(sql.host, "SQL Server service", "running, HADR " + hadrBefore,
                "restarting until " + back + ", HADR " + sql.hadrActive);
    }

    @Override
    public boolean isAnswering(String host) {
        HostState h = lab.host(host);
        SqlInstanceState sql = lab.state().sql.get(h.name);
        return sql != null && h.reachableAt(lab.now()) && sql.answeringAt(lab.now());
    }

    @Override
    public Change createDatabase(String host, String database) {
        SqlInstanceState sql = instance(host);
        if (sql.databases.containsKey(LabContext.key(database))) {
            return LabContext.unchanged("database " + database, "present");
        }
        HostState h = lab.host(sql.host);
        String dataPath = lab.estate().paths().sqlData();
        if (!files.directoryExists(h, dataPath)) {
            throw lab.refuse(sql.host, "the data directory " + dataPath + " does not exist (pre-3.3)");
        }
        addDatabase(sql, database, "ONLINE", RecoveryModel.SIMPLE);
        return lab.record(sql.host, "database " + database, "absent", "ONLINE, SIMPLE");
    }

    SqlInstanceState.Database addDatabase(SqlInstanceState sql, String name, String state, RecoveryModel model) {
        SqlInstanceState.Database db = new SqlInstanceState.Database();
        db.name = name;
        db.state = state;
        db.recoveryModel = model;
        sql.databases.put(LabContext.key(name), db);
        return db;
    }

    @Override
    public Change setRecoveryModel(String host, String database, RecoveryModel model) {
        SqlInstanceState sql = instance(host);
        SqlInstanceState.Database db = database(sql, database);
        if (db.recoveryModel == model) {
            return LabContext.unchanged("recovery model of " + database, model);
        }
        if (db.inAvailabilityGroup && model != RecoveryModel.FULL) {
            throw lab.refuse(sql.host, "a database in an availability group must stay in FULL recovery");
        }
        RecoveryModel before = db.recoveryModel;
        db.recoveryModel = model;
        return lab.record(sql.host, "recovery model of " + database, before, model);
    }

    @Override
    public Change backupDatabase(String host, String database, String path, boolean compression) {
        SqlInstanceState sql = instance(host);
        SqlInstanceState.Database db = database(sql, database);
        if (existingBackup(sql.host, path, LabBackupFile.FULL, database)) {
            return LabContext.unchanged("full backup of " + database, path);
        }
        if (!"ONLINE".equals(db.state)) {
            throw lab.refuse(sql.host, "database " + database + " is " + db.state + " and cannot be backed up");
        }
        return writeFullBackup(sql, db, path, compression);
    }

    /** A new full backup set in the file (INIT): damaged when the scenario says so for this file name. */
    Change writeFullBackup(SqlInstanceState sql, SqlInstanceState.Database db, String path, boolean compression) {
        long sequence = lab.nextSequence();
        boolean damaged = comesOutDamaged(path);
        LabBackupFile backup = new LabBackupFile(LabBackupFile.FULL, db.name, sql.host, sequence, db.recoveryModel.name(),
                compression, db.schemaVersion, damaged);
        files.write(sql.host, path, backup.content(), lab.now());
        db.lastFullSeq = sequence;
        db.lastFullAt = lab.now();
        return lab.record(sql.host, "last full backup of " + db.name, "-", path + (damaged ? " (damaged)" : ""));
    }

    private boolean comesOutDamaged(String path) {
        String name = LabPaths.fileName(path).toLowerCase(java.util.Locale.ROOT);
        for (var pattern : lab.state().scenario.corruptBackups().entrySet()) {
            String regex = java.util.regex.Pattern.quote(pattern.getKey().toLowerCase(java.util.Locale.ROOT)).replace("*", "\\E.*\\Q");
            int done = lab.state().corruptedBackups.getOrDefault(pattern.getKey(), 0);
            if (name.matches(regex) && done < pattern.getValue()) {
                lab.state().corruptedBackups.put(pattern.getKey(), done + 1);
                return true;
            }
        }
        return false;
    }

    @Override
    public Change backupLog(String host, String database, String path) {
        SqlInstanceState sql = instance(host);
        SqlInstanceState.Database db = database(sql, database);
        if (existingBackup(sql.host, path, LabBackupFile.LOG, database)) {
            return LabContext.unchanged("log backup of " + database, path);
        }
        if (db.recoveryModel == RecoveryModel.SIMPLE) {
            throw lab.refuse(sql.host, "BACKUP LOG is not allowed while the recovery model of " + database + " is SIMPLE (post-3.1)");
        }
        if (db.lastFullSeq == 0) {
            throw lab.refuse(sql.host, "BACKUP LOG cannot be performed because there is no current full backup of " + database);
        }
        long sequence = lab.nextSequence();
        LabBackupFile backup = new LabBackupFile(LabBackupFile.LOG, db.name, sql.host, sequence, db.recoveryModel.name(), false,
                db.schemaVersion, false);
        files.write(sql.host, path, backup.content(), lab.now());
        db.lastLogSeq = sequence;
        db.lastLogAt = lab.now();
        return lab.record(sql.host, "last log backup of " + database, "-", path);
    }

    private boolean existingBackup(String host, String path, String type, String database) {
        LabBackupFile existing = files.read(host, path).map(f -> LabBackupFile.parse(f.content)).orElse(null);
        return existing != null && existing.type().equals(type) && existing.database().equalsIgnoreCase(database);
    }

    LabBackupFile backupAt(SqlInstanceState sql, String path, String type) {
        if (ADMINISTRATIVE_SHARE.matcher(path).find()) {
            // Msg 3201: SQL Server opens a backup device as its service account, which is a domain user and no
            // administrator of the other server, so an administrative share (C$, F$) refuses it.
            throw lab.refuse(sql.host, "Cannot open backup device '" + path + "'. Operating system error 5(Access is denied.):"
                    + " SQL Server reads it as its service account, which cannot open an administrative share;"
                    + " copy the backups to this server's own disk first (pre-6.3, post-4)");
        }
        LabBackupFile backup = files.read(sql.host, path).map(f -> LabBackupFile.parse(f.content))
                .orElseThrow(() -> lab.refuse(sql.host, "cannot open backup device " + path + ": no such file"
                        + " (copy the backups to the secondary first, post-4)"));
        if (!backup.type().equals(type)) {
            throw lab.refuse(sql.host, path + " holds a " + backup.type() + " backup, not a " + type + " backup");
        }
        if (backup.damaged()) {
            throw lab.refuse(sql.host, "RESTORE detected an error on page in " + path + ": the backup set is damaged;"
                    + " RESTORE DATABASE is terminating abnormally");
        }
        return backup;
    }

    /** {@code \\server\F$\...}: a drive's administrative share, which only administrators of that server open. */
    private static final Pattern ADMINISTRATIVE_SHARE = Pattern.compile("^\\\\\\\\[^\\\\]+\\\\[A-Za-z]\\$(\\\\|$)");

    @Override
    public Change restoreDatabase(String host, String database, String path, Recovery recovery) {
        SqlInstanceState sql = instance(host);
        LabBackupFile backup = backupAt(sql, path, LabBackupFile.FULL);
        SqlInstanceState.Database existing = sql.databases.get(LabContext.key(database));
        if (existing != null && backup.id().equals(existing.restoredFrom)) {
            return LabContext.unchanged("database " + database, "restored from " + backup.id());
        }
        AgLabState ag = lab.state().availabilityGroup;
        if (existing != null && ag != null && sql.host.equals(ag.primary()) && containsIgnoringCase(ag.databases, database)) {
            throw lab.refuse(sql.host, "RESTORE on the primary replica fails: " + database + " is in availability group "
                    + ag.name + "; remove it from the group first");
        }
        if (existing != null && existing.inAvailabilityGroup) {
            throw lab.refuse(sql.host, "RESTORE over " + database + " fails: the database is joined to an availability group");
        }
        if (existing != null && "ONLINE".equals(existing.state)) {
            throw lab.refuse(sql.host, "RESTORE over the ONLINE database " + database + " fails without WITH REPLACE:"
                    + " the tail of its log has not been backed up");
        }
        String before = existing == null ? "absent" : existing.state;
        SqlInstanceState.Database db = restored(sql, database, backup, recovery == Recovery.NORECOVERY ? "RESTORING" : "ONLINE");
        return lab.record(sql.host, "database " + database, before, db.state + " (restored from " + backup.id() + ")");
    }

    /** The database as a full restore leaves it: a new copy of the backup's content, nothing backed up from it yet. */
    SqlInstanceState.Database restored(SqlInstanceState sql, String database, LabBackupFile backup, String state) {
        SqlInstanceState.Database db = addDatabase(sql, database, state, RecoveryModel.valueOf(backup.recoveryModel()));
        db.restoredFrom = backup.id();
        db.restoredFullSeq = backup.sequence();
        db.restoredAt = lab.now();
        db.schemaVersion = backup.schemaVersion();
        db.restoredFirstLsn = LabPrePatchBackups.firstLsn(backup);
        db.restoredLastLsn = LabPrePatchBackups.lastLsn(backup);
        return db;
    }

    @Override
    public Change restoreLog(String host, String database, String path, Recovery recovery) {
        SqlInstanceState sql = instance(host);
        LabBackupFile log = backupAt(sql, path, LabBackupFile.LOG);
        SqlInstanceState.Database db = database(sql, database);
        if (db.restoredLogSeq == log.sequence()) {
            return LabContext.unchanged("log of " + database, "restored up to " + log.id());
        }
        if (!"RESTORING".equals(db.state) || db.inAvailabilityGroup) {
            throw lab.refuse(sql.host, "RESTORE LOG needs " + database + " in RESTORING state: restore the full backup WITH NORECOVERY first");
        }
        if (db.restoredFrom == null || !db.restoredFrom.startsWith(log.source() + "/")
                || log.sequence() < db.restoredFullSeq) {
            throw lab.refuse(sql.host, "the log backup " + log.id() + " does not follow the restored full backup " + db.restoredFrom);
        }
        db.restoredLogSeq = log.sequence();
        db.schemaVersion = log.schemaVersion();
        if (recovery == Recovery.RECOVERY) {
            db.state = "ONLINE";
        }
        return lab.record(sql.host, "log of " + database, "full " + db.restoredFrom, db.state + ", log " + log.id());
    }

    @Override
    public Change startBackupBeforePatch(String host, String database, String path) {
        return prePatch.startBackup(host, database, path);
    }

    @Override
    public BackupVerification verifyBackup(String host, String path, int position) {
        return prePatch.verify(host, path, position);
    }

    @Override
    public Optional<BackupHeader> readBackupHeader(String host, String path, int position) {
        return prePatch.readHeader(host, path, position);
    }

    @Override
    public Optional<BackupSetFacts> readBackupSet(String host, String database, String path) {
        return prePatch.readBackupSet(host, database, path);
    }

    @Override
    public Optional<RestoreFacts> lastRestore(String host, String database) {
        return prePatch.lastRestore(host, database);
    }

    @Override
    public Change startRestoreBeforePatch(String host, PrePatchRestore restore) {
        return prePatch.startRestore(host, restore);
    }

    @Override
    public DetachedRun readDetachedRun(String host, String job, String path) {
        return prePatch.readRun(host, job, path);
    }

    @Override
    public Change replaceSecondaryCopy(String host, String database, String path) {
        return prePatch.replaceSecondaryCopy(host, database, path);
    }

    @Override
    public Change leaveAvailabilityGroup(String host, String database) {
        return prePatch.leaveGroup(host, database);
    }

    @Override
    public List<DatabaseFacts> readDatabases(String host) {
        SqlInstanceState sql = instance(host);
        return sql.databases.values().stream().map(db -> new DatabaseFacts(db.name, db.state, db.recoveryModel,
                db.inAvailabilityGroup, Optional.ofNullable(db.lastFullAt), Optional.ofNullable(db.lastLogAt))).toList();
    }

    @Override
    public Change createHadrEndpoint(String host, int port) {
        SqlInstanceState sql = instance(host);
        if (sql.endpointPort != null && sql.endpointPort == port) {
            return LabContext.unchanged("HADR endpoint", "port " + port + ", started");
        }
        Integer before = sql.endpointPort;
        sql.endpointPort = port;
        return lab.record(sql.host, "HADR endpoint", before == null ? "absent" : "port " + before, "port " + port + ", started");
    }

    @Override
    public Change grantEndpointConnect(String host, String account) {
        SqlInstanceState sql = instance(host);
        if (sql.endpointPort == null) {
            throw lab.refuse(sql.host, "there is no HADR endpoint to grant CONNECT on");
        }
        if (sql.endpointConnect.stream().anyMatch(a -> a.equalsIgnoreCase(account))) {
            return LabContext.unchanged("endpoint CONNECT for " + account, "granted");
        }
        sql.endpointConnect.add(account);
        return lab.record(sql.host, "endpoint CONNECT for " + account, "none", "granted");
    }

    @Override
    public Change createAvailabilityGroup(String host, AvailabilityGroupSpec spec) {
        return availabilityGroup.create(host, spec);
    }

    @Override
    public Change createListener(String host, String availabilityGroupName, ListenerSpec listener) {
        return availabilityGroup.createListener(host, availabilityGroupName, listener);
    }

    @Override
    public Change joinAvailabilityGroup(String host, String availabilityGroupName) {
        return availabilityGroup.joinReplica(host, availabilityGroupName);
    }

    @Override
    public Change addDatabaseToAvailabilityGroup(String host, String availabilityGroupName, String database) {
        return availabilityGroup.addDatabase(host, availabilityGroupName, database);
    }

    @Override
    public Change joinDatabaseToAvailabilityGroup(String host, String availabilityGroupName, String database) {
        return availabilityGroup.joinDatabase(host, availabilityGroupName, database);
    }

    @Override
    public Change removeDatabaseFromAvailabilityGroup(String host, String availabilityGroupName, String database) {
        return availabilityGroup.removeDatabase(host, availabilityGroupName, database);
    }

    @Override
    public Change failover(String host, String availabilityGroupName) {
        return availabilityGroup.failover(host, availabilityGroupName);
    }

    @Override
    public AvailabilityGroupState readAvailabilityGroup(String host, String availabilityGroupName) {
        return availabilityGroup.read(host, availabilityGroupName);
    }

    @Override
    public Change ensureAgentJob(String host, AgentJob job) {
        SqlInstanceState sql = instance(host);
        AgentJob existing = sql.agentJobs.get(LabContext.key(job.name()));
        if (job.equals(existing)) {
            return LabContext.unchanged("Agent job " + job.name(), job.schedule());
        }
        sql.agentJobs.put(LabContext.key(job.name()), job);
        // The job is dropped and made again, enabled.
        sql.disabledAgentJobs.remove(LabContext.key(job.name()));
        return lab.record(sql.host, "Agent job " + job.name(), existing == null ? "absent" : existing.schedule(), job.schedule());
    }

    @Override
    public List<AgentJob> readAgentJobs(String host) {
        return List.copyOf(instance(host).agentJobs.values());
    }

    @Override
    public Optional<Boolean> readAgentJobEnabled(String host, String job) {
        SqlInstanceState sql = instance(host);
        String key = LabContext.key(job);
        return sql.agentJobs.containsKey(key) ? Optional.of(!sql.disabledAgentJobs.contains(key)) : Optional.empty();
    }

    @Override
    public Change setAgentJobEnabled(String host, String job, boolean enabled) {
        SqlInstanceState sql = instance(host);
        String key = LabContext.key(job);
        if (!sql.agentJobs.containsKey(key)) {
            throw lab.refuse(sql.host, "The specified @job_name ('" + job + "') does not exist (Msg 14262)");
        }
        boolean was = !sql.disabledAgentJobs.contains(key);
        if (was == enabled) {
            return LabContext.unchanged("Agent job " + job, enabled ? "enabled" : "disabled");
        }
        if (enabled) {
            sql.disabledAgentJobs.remove(key);
        } else {
            sql.disabledAgentJobs.add(key);
        }
        return lab.record(sql.host, "Agent job " + job, was ? "enabled" : "disabled", enabled ? "enabled" : "disabled");
    }

    /** An enabled job of the instance that backs up the database's log (post-9's runs every minute), if any. */
    Optional<AgentJob> enabledLogBackupJob(SqlInstanceState sql, String database) {
        return sql.agentJobs.entrySet().stream()
                .filter(e -> !sql.disabledAgentJobs.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .filter(j -> j.command().contains("BACKUP LOG") && j.command().toLowerCase(java.util.Locale.ROOT)
                        .contains(database.toLowerCase(java.util.Locale.ROOT)))
                .findFirst();
    }

    private static final List<String> SSIS_CLEANUP_PROCEDURES = List.of("cleanup_server_execution_keys",
            "cleanup_server_log", "cleanup_server_project_version", "cleanup_server_retention_window");

    @Override
    public Change grantSsisCleanupPermissions(String host) {
        SqlInstanceState sql = instance(host);
        String what = "EXECUTE in SSISDB for ##MS_SSISServerCleanupJobUser##";
        if (!sql.databases.containsKey(LabContext.key("SSISDB"))) {
            throw lab.refuse(sql.host, "database 'SSISDB' does not exist on " + sql.host + " (the SSIS catalog: ECE setup"
                    + " creates it on the primary, the ReportsDB utility on the secondary, post-7)");
        }
        if (sql.ssisCleanupGrants.containsAll(SSIS_CLEANUP_PROCEDURES)) {
            return LabContext.unchanged(what, String.join(", ", sql.ssisCleanupGrants));
        }
        String before = sql.ssisCleanupGrants.isEmpty() ? "-" : String.join(", ", sql.ssisCleanupGrants);
        sql.ssisCleanupGrants.addAll(SSIS_CLEANUP_PROCEDURES);
        return lab.record(sql.host, what, before, String.join(", ", sql.ssisCleanupGrants));
    }

    static boolean containsIgnoringCase(List<String> names, String name) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }
}
