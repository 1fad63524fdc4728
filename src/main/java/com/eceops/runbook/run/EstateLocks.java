package com.eceops.runbook.run;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * At most one run changes an estate at a time, across all nodes: the lock is a row of the engine's database, taken in
 * the starting transaction (so a refused start keeps nothing) and let go when the process instance that took it ends
 * or is cancelled. The same run takes it again freely in its called sections. Rehearsals and plans hold their own lab
 * the same way ({@code lab <run key>}): two runs never work on one lab at once.
 */
@Component
public class EstateLocks {

    private static final Logger LOG = LoggerFactory.getLogger(EstateLocks.class);
    private static final RowMapper<Lock> LOCK = (rs, row) -> new Lock(rs.getString("ESTATE"), rs.getString("RUN_KEY"),
            rs.getString("HELD_BY"), rs.getTimestamp("SINCE").toInstant(), rs.getString("PROCESS_INSTANCE_ID"),
            rs.getString("ROOT_PROCESS_INSTANCE_ID"));

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Clock clock;

    @Autowired
    EstateLocks(RunTables tables, DataSource dataSource) {
        this(tables, dataSource, Clock.systemUTC());
    }

    EstateLocks(RunTables tables, DataSource dataSource, Clock clock) {
        this.jdbc = tables.jdbc();
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Who holds an estate: the run, the person who started it, since when, and the instance that took it. */
    public record Lock(String estate, String runKey, String heldBy, Instant since, String processInstanceId,
                       String rootProcessInstanceId) {

        String describe() {
            return "run " + runKey + ", started by " + (heldBy == null ? "the runbook" : heldBy) + ", holds it since " + since;
        }
    }

    /**
     * What a run holds while it changes something: a live run its estate; a rehearsal or a plan its own lab, which a
     * later run under the same key may continue once this one has ended.
     */
    static String lockedBy(RunKey run) {
        return run.mode() == RunMode.LIVE ? run.estate() : "lab " + run;
    }

    /** Takes the estate (or lab) for the run, or refuses naming the run that holds it. */
    void take(RunKey run, String startedBy, String processInstanceId, String rootProcessInstanceId) {
        String name = lockedBy(run);
        Optional<Lock> held = of(name, jdbc);
        if (held.isPresent()) {
            if (held.get().rootProcessInstanceId().equals(rootProcessInstanceId)) {
                return;
            }
            throw refusal(name, held.get());
        }
        try {
            jdbc.update("INSERT INTO RB_ESTATE_LOCK (ESTATE, RUN_KEY, HELD_BY, SINCE, PROCESS_INSTANCE_ID, ROOT_PROCESS_INSTANCE_ID)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", name, run.toString(), startedBy, Timestamp.from(clock.instant()),
                    processInstanceId, rootProcessInstanceId);
        } catch (DuplicateKeyException anotherStartWasFirst) {
            // Another node took it a moment ago and has committed: this transaction is spoilt on PostgreSQL, so the
            // holder is read over a connection of its own.
            Optional<Lock> winner = of(name, new JdbcTemplate(dataSource));
            throw winner.map(lock -> refusal(name, lock)).orElseGet(() -> new EstateLockedException(describe(name)
                    + " was taken by another run starting at the same moment; start again"));
        }
    }

    /** Lets go of the lock the ending process instance took, if it took one. */
    void release(String processInstanceId) {
        jdbc.update("DELETE FROM RB_ESTATE_LOCK WHERE PROCESS_INSTANCE_ID = ?", processInstanceId);
    }

    public Optional<Lock> of(String estate) {
        return of(estate, jdbc);
    }

    public List<Lock> all() {
        return jdbc.query("SELECT * FROM RB_ESTATE_LOCK ORDER BY ESTATE", LOCK);
    }

    /**
     * An administrator's way out when a run cannot end (its instance is stuck, its node is gone for good): the lock
     * is removed and the break recorded with who, when and why.
     */
    public Optional<Lock> breakLock(String estate, String administrator, String reason) {
        Optional<Lock> held = of(estate);
        held.ifPresent(lock -> {
            jdbc.update("INSERT INTO RB_ESTATE_LOCK_BREAK (ESTATE, RUN_KEY, HELD_BY, SINCE, BROKEN_BY, BROKEN_AT, REASON)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", lock.estate(), lock.runKey(), lock.heldBy(),
                    Timestamp.from(lock.since()), administrator, Timestamp.from(clock.instant()), reason);
            jdbc.update("DELETE FROM RB_ESTATE_LOCK WHERE ESTATE = ? AND RUN_KEY = ?", estate, lock.runKey());
            LOG.warn("Estate lock of {} broken by {}: {} ({})", estate, administrator, reason, lock.describe());
        });
        return held;
    }

    /** The breaks recorded for an estate, latest first: who broke which run's lock, when and why. */
    public List<String> breaks(String estate) {
        return jdbc.query("SELECT * FROM RB_ESTATE_LOCK_BREAK WHERE ESTATE = ? ORDER BY BROKEN_AT DESC",
                (rs, row) -> rs.getTimestamp("BROKEN_AT").toInstant() + " " + rs.getString("BROKEN_BY") + " broke the lock of run "
                        + rs.getString("RUN_KEY") + ": " + rs.getString("REASON"), estate);
    }

    private static Optional<Lock> of(String estate, JdbcTemplate jdbc) {
        return jdbc.query("SELECT * FROM RB_ESTATE_LOCK WHERE ESTATE = ?", LOCK, estate).stream().findFirst();
    }

    private static EstateLockedException refusal(String name, Lock held) {
        return new EstateLockedException(describe(name) + " is being changed by another run: " + held.describe()
                + "; wait for it to end, or an administrator breaks the lock with a reason");
    }

    private static String describe(String name) {
        return name.startsWith("lab ") ? "the " + name : "estate '" + name + "'";
    }
}
