package com.eceops.runbook.lab;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.technology.sql.BackupHeader;
import com.eceops.runbook.technology.sql.BackupSetFacts;
import com.eceops.runbook.technology.sql.BackupVerification;
import com.eceops.runbook.technology.sql.DetachedJobs;
import com.eceops.runbook.technology.sql.DetachedRun;
import com.eceops.runbook.technology.sql.PrePatchRestore;
import com.eceops.runbook.technology.sql.RestoreFacts;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The lab's side of patch-2.1 and of the rollback: backups and restores that run detached as Agent jobs and
 * finish after their simulated duration (the job deletes itself on success, stays with its message on failure),
 * RESTORE VERIFYONLY and HEADERONLY, the backup and restore history, and the replacement of a stale secondary
 * copy. Their traps: no backup but on the primary; no rollback restore over a joined database, on a secondary,
 * elsewhere than the backup's server or the primary, from a damaged file, or from a file whose header is not the
 * recorded backup set; the restore puts the database's sessions out first (or fails with 3101 when a scenario's
 * fault on {@code restoreJob} says so); no replacement of a copy on the primary or while it is joined.
 */
final class LabPrePatchBackups {

    static final String BACKUP = "backupJob";
    static final String RESTORE = "restoreJob";

    private final LabContext lab;
    private final LabSqlServer sql;
    private final LabFileSystem files;

    LabPrePatchBackups(LabContext lab, LabSqlServer sql, LabFileSystem files) {
        this.lab = lab;
        this.sql = sql;
        this.files = files;
    }

    Change startBackup(String host, String database, String path) {
        SqlInstanceState instance = sql.instance(host);
        settle(instance);
        if (!"PRIMARY".equals(role(instance.host))) {
            throw lab.refuse(instance.host, instance.host + " is not the PRIMARY replica: the pre-patch backup is taken on"
                    + " the primary, found again on every attempt");
        }
        SqlInstanceState.Database db = sql.database(instance, database);
        if (!"ONLINE".equals(db.state)) {
            throw lab.refuse(instance.host, "database " + database + " is " + db.state + " and cannot be backed up");
        }
        return start(instance, BACKUP, DetachedJobs.backupBeforePatch(database, path), database, path, 1,
                lab.durations().prePatchBackup());
    }

    Change startRestore(String host, PrePatchRestore restore) {
        SqlInstanceState instance = sql.instance(host);
        settle(instance);
        String job = DetachedJobs.restoreBeforePatch(restore.database(), restore.path());
        SqlInstanceState.DetachedJob running = instance.detachedJobs.get(job);
        if (running != null && !running.failed) {
            return LabContext.unchanged("job " + job, "running");
        }
        String role = role(instance.host);
        if ("SECONDARY".equals(role)) {
            throw lab.refuse(instance.host, instance.host + " is a SECONDARY replica: the pre-patch backup is restored on"
                    + " the primary only, the secondary is seeded again");
        }
        if (!"PRIMARY".equals(role) && !instance.host.equalsIgnoreCase(restore.backupServer())) {
            throw lab.refuse(instance.host, instance.host + " is neither the server that took the backup ("
                    + restore.backupServer() + ") nor the primary replica");
        }
        SqlInstanceState.Database existing = instance.databases.get(LabContext.key(restore.database()));
        if (existing != null && existing.inAvailabilityGroup) {
            throw lab.refuse(instance.host, "RESTORE over " + restore.database() + " fails: the database is joined to an"
                    + " availability group; remove it from the group first");
        }
        BackupVerification verification = verify(instance.host, restore.path(), restore.position());
        if (!verification.valid()) {
            throw lab.refuse(instance.host, restore.path() + " fails RESTORE VERIFYONLY: " + verification.report());
        }
        Optional<BackupHeader> header = readHeader(instance.host, restore.path(), restore.position());
        restore.mismatchWith(header).ifPresent(reason -> {
            throw lab.refuse(instance.host, restore.path() + " is not the recorded pre-patch backup: " + reason);
        });
        return start(instance, RESTORE, job, restore.database(), restore.path(), restore.position(),
                lab.durations().prePatchRestore());
    }

    private Change start(SqlInstanceState instance, String kind, String name, String database, String path, int position,
                         java.time.Duration takes) {
        SqlInstanceState.DetachedJob before = instance.detachedJobs.get(name);
        if (before != null && !before.failed) {
            return LabContext.unchanged("job " + name, "running");
        }
        SqlInstanceState.DetachedJob job = new SqlInstanceState.DetachedJob();
        job.name = name;
        job.kind = kind;
        job.database = database;
        job.path = path;
        job.position = position;
        job.finishesAt = lab.now().plus(takes);
        instance.detachedJobs.put(name, job);
        return lab.record(instance.host, "job " + name, before == null ? "-" : "failed: " + before.message,
                "started, finishes at " + job.finishesAt);
    }

    DetachedRun readRun(String host, String name, String path) {
        SqlInstanceState instance = sql.instance(host);
        settle(instance);
        SqlInstanceState.DetachedJob job = instance.detachedJobs.get(name);
        if (job == null) {
            return DetachedRun.absent(name);
        }
        if (job.failed) {
            return new DetachedRun(name, DetachedRun.State.FAILED, null, job.message);
        }
        long total = Math.max(1, java.time.Duration.between(job.finishesAt.minus(duration(job)), job.finishesAt).toMillis());
        long left = java.time.Duration.between(lab.now(), job.finishesAt).toMillis();
        return new DetachedRun(name, DetachedRun.State.RUNNING, (int) Math.max(0, Math.min(99, 100 - left * 100 / total)), null);
    }

    private java.time.Duration duration(SqlInstanceState.DetachedJob job) {
        return BACKUP.equals(job.kind) ? lab.durations().prePatchBackup() : lab.durations().prePatchRestore();
    }

    /** The Agent's work in the background: every job whose time has come finishes now, in the order started. */
    void settle(SqlInstanceState instance) {
        Iterator<SqlInstanceState.DetachedJob> jobs = instance.detachedJobs.values().iterator();
        while (jobs.hasNext()) {
            SqlInstanceState.DetachedJob job = jobs.next();
            if (job.failed || lab.now().isBefore(job.finishesAt)) {
                continue;
            }
            String failure = injectedFailure(job);
            if (failure != null) {
                job.failed = true;
                job.message = failure;
                lab.record(instance.host, "job " + job.name, "running", "failed: " + failure);
                continue;
            }
            if (BACKUP.equals(job.kind)) {
                sql.writeFullBackup(instance, sql.database(instance, job.database), job.path, false);
            } else {
                finishRestore(instance, job);
            }
            jobs.remove();
        }
    }

    private void finishRestore(SqlInstanceState instance, SqlInstanceState.DetachedJob job) {
        SqlInstanceState.Database existing = instance.databases.get(LabContext.key(job.database));
        LabBackupFile backup = sql.backupAt(instance, job.path, LabBackupFile.FULL);
        String before = existing == null ? "absent" : existing.state + ", schema " + existing.schemaVersion
                + (existing.sessions > 0 ? ", " + existing.sessions + " sessions put out (SINGLE_USER WITH ROLLBACK IMMEDIATE)" : "");
        SqlInstanceState.Database db = sql.restored(instance, job.database, backup, "ONLINE");
        db.restoredPath = job.path;
        lab.record(instance.host, "database " + job.database, before,
                "ONLINE, MULTI_USER, schema " + db.schemaVersion + " (restored WITH REPLACE from " + backup.id() + ")");
    }

    /** A scenario fault on backupJob / restoreJob (the job's step, not a call): the job fails with its message. */
    private String injectedFailure(SqlInstanceState.DetachedJob job) {
        List<com.eceops.runbook.lab.LabScenario.Fault> faults = lab.state().scenario.faults();
        for (int i = 0; i < faults.size(); i++) {
            LabScenario.Fault fault = faults.get(i);
            if (!fault.operation().equals(job.kind) || (fault.host() != null && !LabPaths.fileName(job.path)
                    .toLowerCase(java.util.Locale.ROOT).contains(fault.host().toLowerCase(java.util.Locale.ROOT)))) {
                continue;
            }
            int failed = lab.state().faultFailures.getOrDefault(i, 0);
            if (failed < fault.failTimes()) {
                lab.state().faultFailures.put(i, failed + 1);
                return fault.message() != null ? fault.message() : defaultFailure(job);
            }
        }
        return null;
    }

    private static String defaultFailure(SqlInstanceState.DetachedJob job) {
        return RESTORE.equals(job.kind)
                ? "Msg 3101, Level 16: Exclusive access could not be obtained because the database is in use. Msg 3013: RESTORE DATABASE is terminating abnormally."
                : "Msg 3202, Level 16: Write on '" + job.path + "' failed: 112(There is not enough space on the disk.) Msg 3013: BACKUP DATABASE is terminating abnormally.";
    }

    BackupVerification verify(String host, String path, int position) {
        SqlInstanceState instance = sql.instance(host);
        settle(instance);
        Optional<HostState.FileEntry> file = files.read(instance.host, path);
        if (file.isEmpty()) {
            return new BackupVerification(path, false, "Msg 3201: Cannot open backup device '" + path
                    + "'. Operating system error 2(The system cannot find the file specified.)");
        }
        LabBackupFile backup = LabBackupFile.parse(file.get().content);
        if (backup == null) {
            return new BackupVerification(path, false, "Msg 3241: The media family on device '" + path
                    + "' is incorrectly formed. SQL Server cannot process this media family.");
        }
        if (position != 1) {
            return new BackupVerification(path, false, "Msg 3206: No entry in sysdevices for backup device; the file holds"
                    + " one backup set, not " + position);
        }
        if (backup.damaged()) {
            return new BackupVerification(path, false, "Msg 3013: VERIFY DATABASE is terminating abnormally"
                    + " (the backup set in '" + path + "' is damaged; checksum failure)");
        }
        return new BackupVerification(path, true, "The backup set on file " + position + " is valid.");
    }

    Optional<BackupHeader> readHeader(String host, String path, int position) {
        SqlInstanceState instance = sql.instance(host);
        return files.read(instance.host, path).map(f -> LabBackupFile.parse(f.content))
                .filter(b -> b != null && position == 1)
                .map(b -> new BackupHeader(b.database(), LabBackupFile.FULL.equals(b.type()) ? BackupHeader.FULL_DATABASE : 2,
                        firstLsn(b), lastLsn(b), 1, true));
    }

    Optional<BackupSetFacts> readBackupSet(String host, String database, String path) {
        SqlInstanceState instance = sql.instance(host);
        settle(instance);
        return files.read(instance.host, path).flatMap(f -> Optional.ofNullable(LabBackupFile.parse(f.content))
                .filter(b -> LabBackupFile.FULL.equals(b.type()) && b.database().equalsIgnoreCase(database)
                        && b.source().equalsIgnoreCase(instance.host))
                .map(b -> new BackupSetFacts(b.database(), instance.host, path, f.modifiedAt, firstLsn(b), lastLsn(b), 1)));
    }

    Optional<RestoreFacts> lastRestore(String host, String database) {
        SqlInstanceState instance = sql.instance(host);
        settle(instance);
        SqlInstanceState.Database db = instance.databases.get(LabContext.key(database));
        if (db == null || db.restoredFrom == null || db.restoredAt == null) {
            return Optional.empty();
        }
        return Optional.of(new RestoreFacts(db.name, db.restoredPath, db.restoredAt, db.restoredFirstLsn, db.restoredLastLsn));
    }

    /** The lab's LSNs: from the backup's sequence, so that two backups of a database never share them. */
    static String firstLsn(LabBackupFile backup) {
        return Long.toString(backup.sequence() * 1_000_000L);
    }

    static String lastLsn(LabBackupFile backup) {
        return Long.toString(backup.sequence() * 1_000_000L + 999);
    }

    Change replaceSecondaryCopy(String host, String database, String path) {
        SqlInstanceState instance = sql.instance(host);
        if (!"SECONDARY".equals(role(instance.host))) {
            throw lab.refuse(instance.host, instance.host + " is not a secondary replica: a copy is replaced WITH REPLACE on the"
                    + " secondary only, never over the primary's data");
        }
        LabBackupFile backup = sql.backupAt(instance, path, LabBackupFile.FULL);
        SqlInstanceState.Database existing = instance.databases.get(LabContext.key(database));
        if (existing != null && backup.id().equals(existing.restoredFrom)) {
            return LabContext.unchanged("database " + database, "restored from " + backup.id());
        }
        if (existing != null && existing.inAvailabilityGroup) {
            throw lab.refuse(instance.host, database + " is still joined to the availability group here; take it out first (SET HADR OFF)");
        }
        String before = existing == null ? "absent" : existing.state + " (stale copy)";
        SqlInstanceState.Database db = sql.restored(instance, database, backup, "RESTORING");
        db.restoredPath = path;
        return lab.record(instance.host, "database " + database, before, "RESTORING (restored WITH REPLACE from " + backup.id() + ")");
    }

    Change leaveGroup(String host, String database) {
        SqlInstanceState instance = sql.instance(host);
        if ("PRIMARY".equals(role(instance.host))) {
            throw lab.refuse(instance.host, "SET HADR OFF runs on a secondary replica; " + instance.host
                    + " is primary (REMOVE DATABASE there)");
        }
        SqlInstanceState.Database db = sql.database(instance, database);
        if (!db.inAvailabilityGroup) {
            return LabContext.unchanged(database + " on " + instance.host, "not joined");
        }
        db.inAvailabilityGroup = false;
        db.joinedAt = null;
        db.state = "RESTORING";
        return lab.record(instance.host, database + " on " + instance.host, "joined", "not joined, RESTORING");
    }

    private String role(String host) {
        AgLabState ag = lab.state().availabilityGroup;
        AgLabState.Replica replica = ag == null ? null : ag.replicas.get(host);
        return replica == null ? null : replica.role;
    }
}
