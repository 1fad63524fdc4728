package com.eceops.runbook.lab;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.sql.AgentJob;
import com.eceops.runbook.technology.sql.AvailabilityGroupSpec;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;
import com.eceops.runbook.technology.sql.BackupHeader;
import com.eceops.runbook.technology.sql.BackupVerification;
import com.eceops.runbook.technology.sql.DetachedRun;
import com.eceops.runbook.technology.sql.ListenerSpec;
import com.eceops.runbook.technology.sql.PrePatchRestore;
import com.eceops.runbook.technology.sql.SqlServerFacts;
import com.eceops.runbook.technology.sql.SqlServerOperations;
import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;
import com.eceops.runbook.technology.sql.WireStatement;
import com.eceops.runbook.technology.sql.tds.FakeTdsServer;
import com.eceops.runbook.technology.sql.tds.FakeTdsServer.Reply;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The SQL Server half of the wire lab: one instance of a rehearsal lab behind the in-process TDS server. Each request
 * is read back into what rendered it ({@link WireStatement}), applied to or read from the lab, and answered in the
 * shape the real server gives: the query's columns with their types, the row counts, the informational messages a
 * BACKUP or VERIFYONLY prints. A refusal of the lab comes back as an error of severity 16, as SQL Server reports a
 * failed statement: with the lab's own number where the lab names one (e.g. {@code Msg 35250}), else 50000, the number
 * of a user-defined error. A request the lab does not know is such an error too, naming it, so nothing passes
 * unanswered.
 */
public final class WireLabSql implements Function<FakeTdsServer.Received, Reply> {

    /** The operations that change an instance: a plan records exactly these. */
    public static final Set<String> CHANGES = Set.of(WireStatement.CREATE_DATABASE, WireStatement.SET_RECOVERY,
            WireStatement.BACKUP_DATABASE, WireStatement.BACKUP_LOG, WireStatement.RESTORE_DATABASE, WireStatement.RESTORE_LOG,
            WireStatement.REPLACE_COPY, WireStatement.START_JOB, WireStatement.CREATE_ENDPOINT, WireStatement.GRANT_CONNECT,
            WireStatement.CREATE_GROUP, WireStatement.ADD_LISTENER, WireStatement.JOIN_GROUP, WireStatement.ADD_DATABASE,
            WireStatement.JOIN_DATABASE, WireStatement.REMOVE_DATABASE, WireStatement.LEAVE_GROUP, WireStatement.FAILOVER,
            WireStatement.REPLACE_JOB, WireStatement.SET_JOB_ENABLED, WireStatement.GRANT_SSIS_CLEANUP);

    private static final java.util.regex.Pattern LAB_MESSAGE_NUMBER = java.util.regex.Pattern.compile("\\bMsg (\\d{3,5})\\b");

    private final String host;
    private final RehearsalLab lab;
    private final SqlServerOperations sql;
    private final Map<String, WireStatement> estateStatements;
    private final String availabilityGroup;

    /**
     * {@code host} is a collocated server or the listener's name (then the lab answers from the primary, as the listener
     * reaches it); {@code spec} and {@code listener} are the estate's, whose statements are recognised whole.
     */
    public WireLabSql(String host, RehearsalLab lab, AvailabilityGroupSpec spec, ListenerSpec listener) {
        this.host = host;
        this.lab = lab;
        this.sql = lab.sql();
        this.estateStatements = WireStatement.estateStatements(lab.estate(), spec, listener);
        this.availabilityGroup = spec.name();
    }

    @Override
    public Reply apply(FakeTdsServer.Received received) {
        Optional<WireStatement> statement = WireStatement.recognise(received.sql(), received.parameters(), estateStatements);
        if (statement.isEmpty()) {
            return Reply.ok().error(50000, 16, 1, "the wire lab does not know this statement: " + received.sql(), 1);
        }
        try {
            return statement.get().isRead() ? read(statement.get()) : run(statement.get());
        } catch (OperationFailedException | IllegalStateException | IllegalArgumentException refused) {
            String message = refused.getMessage();
            java.util.regex.Matcher number = LAB_MESSAGE_NUMBER.matcher(message);
            return Reply.ok().error(number.find() ? Integer.parseInt(number.group(1)) : 50000, 16, 1, message, 1);
        }
    }

    private Reply read(WireStatement s) {
        return switch (s.operation()) {
            case "ANSWERING" -> {
                if (!sql.isAnswering(instanceHost())) {
                    throw new IllegalStateException("SQL Server on " + host + " does not answer: the service is restarting");
                }
                yield one(List.of("answering"), row(1));
            }
            case "SERVER_FACTS" -> {
                SqlServerFacts facts = sql.readFacts(host);
                yield one(List.of("edition", "product_version", "instance_name", "hadr_enabled"),
                        row(facts.edition(), facts.productVersion(), facts.instanceName(), facts.hadrEnabled() ? 1 : 0));
            }
            case "DATABASES" -> rows(List.of("name", "state_desc", "recovery_model_desc", "in_availability_group", "last_full_utc",
                    "last_log_utc"), sql.readDatabases(host).stream().map(d -> row(d.name(), d.state(),
                    d.recoveryModel() == null ? null : d.recoveryModel().name(), d.inAvailabilityGroup() ? 1 : 0,
                    iso(d.lastFullBackup().orElse(null)), iso(d.lastLogBackup().orElse(null)))).toList());
            case "LOCAL_ROLES" -> {
                AvailabilityGroupState group = sql.readAvailabilityGroup(host, availabilityGroup);
                String local = instanceHost();
                yield rows(List.of("availability_group", "role_desc"), group.replicas().stream()
                        .filter(r -> r.host().equalsIgnoreCase(local) && (r.joined() || "PRIMARY".equals(r.role())))
                        .map(r -> row(group.name(), r.role())).toList());
            }
            case "AVAILABILITY_GROUP_EXISTS" -> {
                AvailabilityGroupState group = sql.readAvailabilityGroup(host, s.text(0));
                yield rows(List.of("name"), group.exists() ? List.of(row(group.name())) : List.<List<Object>>of());
            }
            case "REPLICAS" -> rows(List.of("replica_server_name", "role_desc", "join_state_desc", "synchronization_health_desc"),
                    sql.readAvailabilityGroup(host, s.text(0)).replicas().stream().map(r -> row(r.host(), r.role(),
                            r.joined() ? "JOINED_STANDALONE" : "NOT_JOINED", r.health())).toList());
            case "DATABASE_REPLICAS" -> rows(List.of("database_name", "replica_server_name", "synchronization_state_desc",
                    "synchronization_health_desc"), sql.readAvailabilityGroup(host, s.text(0)).databases().stream()
                    .map(d -> row(d.database(), d.host(), d.synchronizationState(), d.health())).toList());
            case "LISTENER" -> {
                String listener = sql.readAvailabilityGroup(host, s.text(0)).listenerName();
                yield rows(List.of("dns_name"), listener == null ? List.<List<Object>>of() : List.of(row(listener)));
            }
            case "ENDPOINTS" -> rows(List.of("name", "state_desc"), instance(i -> i.endpointPort == null ? List.<List<Object>>of()
                    : List.of(row("Hadr_endpoint", "STARTED"))));
            case "ENDPOINT_GRANTEES" -> rows(List.of("name"), instance(i -> i.endpointConnect.stream().map(WireLabSql::row).toList()));
            case "AGENT_JOBS" -> rows(List.of("name", "description", "command"), sql.readAgentJobs(host).stream()
                    .map(j -> row(j.name(), j.schedule(), j.command())).toList());
            case "AGENT_JOB_ENABLED" -> rows(List.of("enabled"), sql.readAgentJobEnabled(host, s.text(0)).stream()
                    .map(on -> row(on ? 1 : 0)).toList());
            case "BACKUPS_AT_PATH" -> one(List.of("backups"), row(backupsAt(s.text(0), s.text(1), s.text(2))));
            case "RESTORES_FROM_PATH" -> {
                int restores = restoresFrom(s.text(0), s.text(1));
                yield one(List.of("restores"), row(restores));
            }
            case "BACKUP_SET_AT_PATH" -> rows(List.of("position", "first_lsn", "last_lsn", "finished_utc"),
                    sql.readBackupSet(host, s.text(1), s.text(0)).stream().map(b -> row(b.position(), b.firstLsn(), b.lastLsn(),
                            iso(b.finishedAt()))).toList());
            case "LAST_RESTORE" -> rows(List.of("restored_utc", "physical_device_name", "first_lsn", "last_lsn"),
                    sql.lastRestore(host, s.text(0)).stream().map(r -> row(iso(r.restoredAt()), r.path(), r.firstLsn(),
                            r.lastLsn())).toList());
            case "DETACHED_JOB" -> {
                DetachedRun run = sql.readDetachedRun(host, s.text(0), detachedPath(s.text(0)));
                yield rows(List.of("name", "running", "run_status", "message"), switch (run.state()) {
                    case ABSENT -> List.<List<Object>>of();
                    case RUNNING -> List.of(row(run.job(), 1, null, null));
                    case FAILED -> List.of(row(run.job(), 0, 0, run.message()));
                });
            }
            case "DETACHED_PROGRESS" -> {
                String job = instance(i -> i.detachedJobs.values().stream().filter(j -> s.text(0).equalsIgnoreCase(j.path))
                        .map(j -> j.name).findFirst().orElse(null));
                Integer percent = job == null ? null : sql.readDetachedRun(host, job, s.text(0)).percentComplete();
                yield one(List.of("percent_complete"), row(percent == null ? null : percent));
            }
            case "SSIS_CLEANUP_GRANTS" -> rows(List.of("procedure_name"), instance(i -> i.ssisCleanupGrants.stream().sorted()
                    .map(WireLabSql::row).toList()));
            default -> throw new IllegalStateException("the wire lab does not answer the read " + s.operation());
        };
    }

    private Reply run(WireStatement s) {
        switch (s.operation()) {
            case WireStatement.CREATE_DATABASE -> sql.createDatabase(host, s.text(0));
            case WireStatement.SET_RECOVERY -> sql.setRecoveryModel(host, s.text(0), (RecoveryModel) s.variant());
            case WireStatement.BACKUP_DATABASE -> {
                sql.backupDatabase(host, s.text(0), s.text(1), (Boolean) s.variant());
                return processed("BACKUP DATABASE");
            }
            case WireStatement.BACKUP_LOG -> {
                sql.backupLog(host, s.text(0), s.text(1));
                return processed("BACKUP LOG");
            }
            case WireStatement.RESTORE_DATABASE -> {
                sql.restoreDatabase(host, s.text(0), s.text(1), (Recovery) s.variant());
                return processed("RESTORE DATABASE");
            }
            case WireStatement.RESTORE_LOG -> {
                sql.restoreLog(host, s.text(0), s.text(1), (Recovery) s.variant());
                return processed("RESTORE LOG");
            }
            case WireStatement.REPLACE_COPY -> {
                sql.replaceSecondaryCopy(host, s.text(0), s.text(1));
                return processed("RESTORE DATABASE");
            }
            case WireStatement.VERIFY_BACKUP -> {
                BackupVerification verification = sql.verifyBackup(host, s.text(0), s.number(1));
                return verification.valid()
                        ? Reply.ok().info(3262, "The backup set on file " + s.number(1) + " is valid.")
                        : Reply.ok().error(50000, 16, 1, verification.report(), 1)
                                .error(3013, 16, 1, "VERIFY DATABASE is terminating abnormally.", 1);
            }
            case WireStatement.READ_HEADER -> {
                Optional<BackupHeader> header = sql.readBackupHeader(host, s.text(0), s.number(1));
                if (header.isEmpty()) {
                    return Reply.ok().error(3201, 16, 2, "Cannot open backup device '" + s.text(0) + "'. Operating system error 2"
                            + "(The system cannot find the file specified.).", 1)
                            .error(3013, 16, 1, "RESTORE HEADERONLY is terminating abnormally.", 1);
                }
                BackupHeader h = header.get();
                return one(List.of("DatabaseName", "BackupType", "FirstLSN", "LastLSN", "Position", "HasBackupChecksums"),
                        row(h.databaseName(), h.backupType(), h.firstLsn(), h.lastLsn(), h.position(), h.hasChecksums() ? 1 : 0));
            }
            case WireStatement.START_JOB -> startJob(s.jobStep());
            case WireStatement.CREATE_ENDPOINT -> sql.createHadrEndpoint(host, s.number(0));
            case WireStatement.GRANT_CONNECT -> sql.grantEndpointConnect(host, s.text(0));
            case WireStatement.CREATE_GROUP -> sql.createAvailabilityGroup(host, (AvailabilityGroupSpec) s.variant());
            case WireStatement.ADD_LISTENER -> sql.createListener(host, s.text(0), (ListenerSpec) s.variant());
            case WireStatement.JOIN_GROUP -> sql.joinAvailabilityGroup(host, s.text(0));
            case WireStatement.ADD_DATABASE -> sql.addDatabaseToAvailabilityGroup(host, s.text(0), s.text(1));
            case WireStatement.JOIN_DATABASE -> sql.joinDatabaseToAvailabilityGroup(host, s.text(0), s.text(1));
            case WireStatement.REMOVE_DATABASE -> sql.removeDatabaseFromAvailabilityGroup(host, s.text(0), s.text(1));
            case WireStatement.LEAVE_GROUP -> sql.leaveAvailabilityGroup(host, s.text(0));
            case WireStatement.FAILOVER -> sql.failover(host, s.text(0));
            case WireStatement.REPLACE_JOB -> sql.ensureAgentJob(host, (AgentJob) s.variant());
            case WireStatement.SET_JOB_ENABLED -> sql.setAgentJobEnabled(host, s.text(0), (Boolean) s.variant());
            case WireStatement.GRANT_SSIS_CLEANUP -> sql.grantSsisCleanupPermissions(host);
            default -> throw new IllegalStateException("the wire lab does not run " + s.operation());
        }
        return Reply.ok();
    }

    /**
     * The job's step as the Agent would run it: the lab starts it and finishes it on its clock. A restore's backup set
     * is what the file holds (the server restores what it reads; the runbook compared the header before it sent this).
     */
    private void startJob(WireStatement step) {
        switch (step.operation()) {
            case WireStatement.BACKUP_BEFORE_PATCH -> sql.startBackupBeforePatch(host, step.text(0), step.text(1));
            case WireStatement.RESTORE_BEFORE_PATCH -> {
                BackupHeader header = sql.readBackupHeader(host, step.text(1), step.number(2)).orElseThrow(() ->
                        new IllegalStateException("Cannot open backup device '" + step.text(1) + "' (Msg 3201)"));
                sql.startRestoreBeforePatch(host, new PrePatchRestore(step.text(0), step.text(1), step.number(2),
                        header.firstLsn(), header.lastLsn(), instanceHost()));
            }
            default -> throw new IllegalStateException("the wire lab does not run a job of " + step.operation());
        }
    }

    /** What a BACKUP or RESTORE prints when it succeeded (message 3014; the page count is the lab's). */
    private static Reply processed(String statement) {
        return Reply.ok().info(3014, statement + " successfully processed 346 pages in 0.120 seconds (22.503 MB/sec).");
    }

    private int backupsAt(String path, String database, String type) {
        return lab.locked(() -> {
            LabBackupFile file = backupIn(new LabSqlServer(lab.context()).instance(host).host, path);
            boolean matches = file != null && file.database().equalsIgnoreCase(database)
                    && file.type().equals("D".equals(type) ? LabBackupFile.FULL : LabBackupFile.LOG);
            return matches ? 1 : 0;
        });
    }

    /** The backup a file on the instance's server holds, or null when there is none there (inside a unit of work). */
    private LabBackupFile backupIn(String onHost, String path) {
        return new LabFileSystem(lab.context()).read(onHost, path).map(f -> LabBackupFile.parse(f.content)).orElse(null);
    }

    /**
     * restorehistory's answer, from what the lab keeps: the last restore's file, or the backup in the file at that path
     * being the full backup the copy was restored from or the last log applied to it.
     */
    private int restoresFrom(String database, String path) {
        return lab.locked(() -> {
            SqlInstanceState instance = new LabSqlServer(lab.context()).instance(host);
            SqlInstanceState.Database db = instance.databases.get(LabContext.key(database));
            if (db == null) {
                return 0;
            }
            if (path.equalsIgnoreCase(db.restoredPath)) {
                return 1;
            }
            LabBackupFile file = backupIn(instance.host, path);
            boolean restored = file != null && (file.id().equals(db.restoredFrom) || LabBackupFile.LOG.equals(file.type())
                    && db.restoredFrom != null && db.restoredFrom.startsWith(file.source() + "/") && file.sequence() == db.restoredLogSeq);
            return restored ? 1 : 0;
        });
    }

    private String detachedPath(String job) {
        return instance(i -> Optional.ofNullable(i.detachedJobs.get(job)).map(j -> j.path).orElse(""));
    }

    /** The collocated server that answers: the primary when {@link #host} is the listener. */
    private String instanceHost() {
        return instance(i -> i.host);
    }

    private <T> T instance(Function<SqlInstanceState, T> read) {
        return lab.locked(() -> read.apply(new LabSqlServer(lab.context()).instance(host)));
    }

    private static Reply one(List<String> columns, List<Object> row) {
        return rows(columns, List.of(row));
    }

    private static Reply rows(List<String> columns, List<List<Object>> rows) {
        return Reply.ok().rows(columns, rows);
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** CONVERT(nvarchar(33), ..., 126) of a UTC time: ISO 8601 without a zone. */
    private static String iso(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
