package com.eceops.runbook.technology.sql;

import java.util.Optional;

/**
 * What the rollback restores: a database, the file as the restoring server reads it, the backup set's position in
 * it, and what msdb recorded when the backup was taken (LSNs, the server that took it). The restore's guard reads
 * the file's header and refuses anything else.
 */
public record PrePatchRestore(String database, String path, int position, String firstLsn, String lastLsn,
                              String backupServer) {

    /**
     * Why a header read from the file (RESTORE HEADERONLY ... WITH FILE = position) is not the recorded backup set,
     * or nothing when it is: same database, a full database backup (BackupType 1), the same first and last LSN.
     * REPLACE skips SQL Server's own check that a backup belongs to the database it overwrites; this is that check.
     */
    public Optional<String> mismatchWith(Optional<BackupHeader> read) {
        if (read.isEmpty()) {
            return Optional.of("it holds no backup set at position " + position);
        }
        BackupHeader header = read.get();
        if (header.databaseName() == null || !header.databaseName().equalsIgnoreCase(database)) {
            return Optional.of("backup set " + position + " is of database " + header.databaseName() + ", not " + database);
        }
        if (header.backupType() != BackupHeader.FULL_DATABASE) {
            return Optional.of("backup set " + position + " is of BackupType " + header.backupType() + ", not 1 (full database)");
        }
        if (!trim(header.firstLsn()).equals(trim(firstLsn)) || !trim(header.lastLsn()).equals(trim(lastLsn))) {
            return Optional.of("its LSNs " + header.firstLsn() + "-" + header.lastLsn() + " differ from the recorded "
                    + firstLsn + "-" + lastLsn + " (another backup of " + database + ")");
        }
        return Optional.empty();
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
