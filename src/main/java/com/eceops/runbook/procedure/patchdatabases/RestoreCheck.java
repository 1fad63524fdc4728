package com.eceops.runbook.procedure.patchdatabases;

import java.time.Instant;
import java.util.Optional;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.technology.sql.DatabaseFacts;
import com.eceops.runbook.technology.sql.RestoreFacts;

/**
 * Whether a database on the primary holds its pre-patch backup now: its latest restore (msdb restorehistory, any
 * file) restored the recorded backup set, identified by its LSNs, after the backup finished and after
 * {@code notBefore} (the restore seen before this rollback started its own), and the database is ONLINE and out
 * of the group. The restore being from that file is not enough: a second rollback from the same set must restore
 * again, the databases having been patched since the first.
 */
final class RestoreCheck {

    private RestoreCheck() {
    }

    static Optional<String> problem(RunContext run, String host, PrePatchBackupSet.Backup backup, Instant notBefore) {
        String database = backup.database();
        Optional<RestoreFacts> last = run.sql().lastRestore(host, database);
        if (last.isEmpty()) {
            return Optional.of("the restore history has no restore of " + database);
        }
        RestoreFacts restore = last.get();
        if (!restore.restored(backup.firstLsn(), backup.lastLsn())) {
            return Optional.of("the latest restore of " + database + " (from " + restore.path() + ") is of LSNs "
                    + restore.firstLsn() + "-" + restore.lastLsn() + ", not the recorded " + backup.firstLsn() + "-" + backup.lastLsn());
        }
        if (restore.restoredAt() == null || (notBefore != null && !restore.restoredAt().isAfter(notBefore))
                || (backup.finishedAt() != null && restore.restoredAt().isBefore(backup.finishedAt()))) {
            return Optional.of("the latest restore of " + database + " (" + restore.restoredAt() + ") is not newer than "
                    + (notBefore != null ? "the one before this rollback (" + notBefore + ")" : "the backup (" + backup.finishedAt() + ")"));
        }
        Optional<DatabaseFacts> facts = run.sql().readDatabases(host).stream().filter(d -> d.name().equalsIgnoreCase(database)).findFirst();
        if (facts.isEmpty() || !"ONLINE".equals(facts.get().state()) || facts.get().inAvailabilityGroup()) {
            return Optional.of(database + " is " + facts.map(f -> f.state() + (f.inAvailabilityGroup() ? ", in the group" : "")).orElse("absent")
                    + ", not ONLINE out of the group");
        }
        return Optional.empty();
    }
}
