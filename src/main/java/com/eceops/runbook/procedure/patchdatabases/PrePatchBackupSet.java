package com.eceops.runbook.procedure.patchdatabases;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The process variable {@code prePatchBackupSet}: one entry per ECE database backed up before the patch, as JSON
 * (format in docs/sql-server.md). It carries what the rollback needs to restore without asking anybody: the
 * server that took the backup (its disk holds the file), the file, when the backup finished, and the backup set's
 * position and LSNs as msdb recorded them.
 */
public record PrePatchBackupSet(List<Backup> backups) {

    /**
     * One database's pre-patch backup. {@code finishedAt} is UTC; the LSNs are msdb's numeric(25,0) as text.
     * {@code copyServer}: the other replica, which holds a copy at the same path (null when there is none).
     */
    public record Backup(String database, String server, String file, Instant finishedAt, String firstLsn,
                         String lastLsn, int position, String copyServer) {

        public Backup(String database, String server, String file, Instant finishedAt, String firstLsn, String lastLsn,
                      int position) {
            this(database, server, file, finishedAt, firstLsn, lastLsn, position, null);
        }

        /** The file as {@code host} reads it: its own copy when it has one, else the admin share of the server that took it. */
        public String pathFrom(String host) {
            if (host.equalsIgnoreCase(server) || (copyServer != null && host.equalsIgnoreCase(copyServer))) {
                return file;
            }
            return PrePatchBackupPlan.reachableFrom(host, server, file);
        }

        /** The same backup, read from another file (the DBA's correction), with no copy known. */
        public Backup at(String newServer, String newFile) {
            return new Backup(database, newServer, newFile, finishedAt, firstLsn, lastLsn, position, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public PrePatchBackupSet {
        backups = List.copyOf(backups);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(backups);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the variable; anything that is not such a list is refused with the reason. */
    public static PrePatchBackupSet parse(Object json) {
        if (json == null || json.toString().isBlank()) {
            throw new IllegalArgumentException("there is no prePatchBackupSet: the patch process passes the one"
                    + " 'Back up the databases before the patch' recorded");
        }
        try {
            Backup[] read = JSON.readValue(json.toString(), Backup[].class);
            for (Backup backup : read) {
                if (backup == null || blank(backup.database()) || blank(backup.server()) || blank(backup.file())
                        || backup.position() < 1) {
                    throw new IllegalArgumentException("prePatchBackupSet has an entry without database, server, file"
                            + " or position: " + backup);
                }
            }
            return new PrePatchBackupSet(List.of(read));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("prePatchBackupSet is not the JSON list 'Back up the databases before"
                    + " the patch' writes: " + e.getOriginalMessage());
        }
    }

    public Backup of(String database) {
        return backups.stream().filter(b -> b.database().equalsIgnoreCase(database)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("prePatchBackupSet has no backup of " + database));
    }

    /** The set with one database's entry replaced (or added), in the order of the databases given. */
    public PrePatchBackupSet with(Backup backup, List<String> order) {
        java.util.Map<String, Backup> byDatabase = new java.util.LinkedHashMap<>();
        backups.forEach(b -> byDatabase.put(b.database().toLowerCase(java.util.Locale.ROOT), b));
        byDatabase.put(backup.database().toLowerCase(java.util.Locale.ROOT), backup);
        List<Backup> ordered = new java.util.ArrayList<>();
        for (String database : order) {
            Backup b = byDatabase.remove(database.toLowerCase(java.util.Locale.ROOT));
            if (b != null) {
                ordered.add(b);
            }
        }
        ordered.addAll(byDatabase.values());
        return new PrePatchBackupSet(ordered);
    }

    public boolean has(String database) {
        return backups.stream().anyMatch(b -> b.database().equalsIgnoreCase(database));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
