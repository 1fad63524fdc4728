package com.eceops.runbook.lab;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.sql.BackupSetFacts;
import com.eceops.runbook.sql.BackupVerification;
import java.time.Instant;
import java.util.Optional;

/**
 * The lab's side of patch-2.1 and of the rollback: backups that overwrite their file, RESTORE VERIFYONLY, the
 * backup history, the rollback restore WITH REPLACE and the replacement of a stale secondary copy. Their traps:
 * no rollback restore over a joined database, on a secondary, elsewhere than the backup's server or the primary,
 * or from a damaged file; no replacement of a copy on the primary or while it is joined.
 */
final class LabPrePatchBackups {

    private final LabContext lab;
    private final LabSqlServer sql;
    private final LabFileSystem files;

    LabPrePatchBackups(LabContext lab, LabSqlServer sql, LabFileSystem files) {
        this.lab = lab;
        this.sql = sql;
        this.files = files;
    }

    Change backUp(String host, String database, String path) {
        SqlInstanceState instance = sql.instance(host);
        SqlInstanceState.Database db = sql.database(instance, database);
        if (!"ONLINE".equals(db.state)) {
            throw lab.refuse(instance.host, "database " + database + " is " + db.state + " and cannot be backed up");
        }
        return sql.writeFullBackup(instance, db, path, false);
    }

    BackupVerification verify(String host, String path) {
        SqlInstanceState instance = sql.instance(host);
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
        if (backup.damaged()) {
            return new BackupVerification(path, false, "Msg 3013: VERIFY DATABASE is terminating abnormally"
                    + " (the backup set in '" + path + "' is damaged)");
        }
        return new BackupVerification(path, true, "The backup set on file 1 is valid.");
    }

    Optional<BackupSetFacts> readBackupSet(String host, String database, String path) {
        SqlInstanceState instance = sql.instance(host);
        return files.read(instance.host, path).flatMap(f -> Optional.ofNullable(LabBackupFile.parse(f.content))
                .filter(b -> LabBackupFile.FULL.equals(b.type()) && b.database().equalsIgnoreCase(database))
                .map(b -> new BackupSetFacts(b.database(), instance.host, path, f.modifiedAt,
                        Long.toString(b.sequence() * 1_000_000L), Long.toString(b.sequence() * 1_000_000L + 999), 1)));
    }

    Optional<Instant> lastRestoreFrom(String host, String database, String path) {
        SqlInstanceState instance = sql.instance(host);
        SqlInstanceState.Database db = instance.databases.get(LabContext.key(database));
        Optional<LabBackupFile> backup = files.read(instance.host, path).map(f -> LabBackupFile.parse(f.content));
        if (db == null || db.restoredFrom == null || backup.isEmpty() || !db.restoredFrom.equals(backup.get().id())) {
            return Optional.empty();
        }
        return Optional.ofNullable(db.restoredAt);
    }

    Change restoreBeforePatch(String host, String database, String path, int position, String backupServer) {
        SqlInstanceState instance = sql.instance(host);
        if (lastRestoreFrom(instance.host, database, path).isPresent()) {
            return LabContext.unchanged("database " + database, "restored from " + path);
        }
        String role = role(instance.host);
        if ("SECONDARY".equals(role)) {
            throw lab.refuse(instance.host, instance.host + " is a SECONDARY replica: the pre-patch backup is restored on"
                    + " the primary only, the secondary is seeded again");
        }
        if (!"PRIMARY".equals(role) && !instance.host.equalsIgnoreCase(backupServer)) {
            throw lab.refuse(instance.host, instance.host + " is neither the server that took the backup (" + backupServer
                    + ") nor the primary replica");
        }
        SqlInstanceState.Database existing = instance.databases.get(LabContext.key(database));
        if (existing != null && existing.inAvailabilityGroup) {
            throw lab.refuse(instance.host, "RESTORE over " + database + " fails: the database is joined to an availability"
                    + " group; remove it from the group first");
        }
        BackupVerification verification = verify(instance.host, path);
        if (!verification.valid()) {
            throw lab.refuse(instance.host, path + " fails RESTORE VERIFYONLY: " + verification.report());
        }
        if (position != 1) {
            throw lab.refuse(instance.host, "the lab's backup files hold one backup set; FILE = " + position + " does not exist");
        }
        LabBackupFile backup = sql.backupAt(instance, path, LabBackupFile.FULL);
        if (!backup.database().equalsIgnoreCase(database)) {
            throw lab.refuse(instance.host, path + " holds a backup of " + backup.database() + ", not of " + database);
        }
        String before = existing == null ? "absent" : existing.state + ", schema " + existing.schemaVersion;
        SqlInstanceState.Database db = sql.restored(instance, database, backup, "ONLINE");
        return lab.record(instance.host, "database " + database, before,
                "ONLINE, schema " + db.schemaVersion + " (restored WITH REPLACE from " + backup.id() + ")");
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
        sql.restored(instance, database, backup, "RESTORING");
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
