package com.eceops.runbook.technology.sql;

import java.time.Instant;

/**
 * One full backup as msdb records it: the database, the server the runbook addressed when taking it, the file,
 * when it finished (UTC), its first and last log sequence numbers (numeric(25,0) in msdb, kept as text) and its
 * position in the file (RESTORE's FILE option).
 */
public record BackupSetFacts(String database, String server, String path, Instant finishedAt, String firstLsn,
                             String lastLsn, int position) {
}
