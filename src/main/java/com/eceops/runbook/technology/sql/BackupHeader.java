package com.eceops.runbook.technology.sql;

/**
 * One backup set's header as RESTORE HEADERONLY ... WITH FILE = n reads it from the file itself: which database
 * it is of, its BackupType (1 = full database), its first and last LSN (numeric(25,0), kept as text) and whether
 * it carries checksums. Compared with what msdb recorded when the backup was taken, it proves that the file still
 * holds that backup (REPLACE no longer checks that the backup belongs to the database it overwrites).
 */
public record BackupHeader(String databaseName, int backupType, String firstLsn, String lastLsn, int position,
                           boolean hasChecksums) {

    public static final int FULL_DATABASE = 1;
}
