package com.eceops.runbook.technology.sql;

import java.time.Instant;

/**
 * The latest restore of a database as msdb's restorehistory records it: the file it was read from, when it ran
 * (UTC), and the first and last LSN of the backup set it restored (which identify the backup, whatever path the
 * file had).
 */
public record RestoreFacts(String database, String path, Instant restoredAt, String firstLsn, String lastLsn) {

    /** True when this restore brought back the backup set with these LSNs. */
    public boolean restored(String expectedFirstLsn, String expectedLastLsn) {
        return firstLsn != null && firstLsn.equals(expectedFirstLsn) && lastLsn != null && lastLsn.equals(expectedLastLsn);
    }
}
