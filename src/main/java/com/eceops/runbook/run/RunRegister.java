package com.eceops.runbook.run;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateSnapshot;

/**
 * Every run's key, once. A new key takes its number from a counter row in the engine's database: the row stays locked
 * by the starting transaction until it commits, so two starts on two nodes in the same second still get two numbers.
 * The register's primary key refuses a key a second time, also one a caller chose, also at the same moment.
 */
@Component
public class RunRegister {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    RunRegister(RunTables tables) {
        this(tables, Clock.systemDefaultZone());
    }

    RunRegister(RunTables tables, Clock clock) {
        this.jdbc = tables.jdbc();
        this.clock = clock;
    }

    /** A key no run had: the estate, the mode, the start time for people, and the run's number for uniqueness. */
    RunKey newKey(String estate, RunMode mode) {
        jdbc.update("UPDATE RB_RUN_COUNTER SET LAST_NUMBER = LAST_NUMBER + 1 WHERE ID = 1");
        Long number = jdbc.queryForObject("SELECT LAST_NUMBER FROM RB_RUN_COUNTER WHERE ID = 1", Long.class);
        return new RunKey(estate, mode, LocalDateTime.now(clock).format(STAMP) + "-" + number);
    }

    /** The estate the run started on, as recorded then; empty for a run recorded before snapshots were kept. */
    public Optional<Estate> estateOf(RunKey key) {
        return jdbc.query("SELECT ESTATE_SNAPSHOT FROM RB_RUN WHERE RUN_KEY = ?", (rs, row) -> rs.getString(1),
                key.toString()).stream().filter(java.util.Objects::nonNull).findFirst().map(EstateSnapshot::read);
    }

    boolean used(RunKey key) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM RB_RUN WHERE RUN_KEY = ?", Integer.class, key.toString());
        return count != null && count > 0;
    }

    /**
     * Records the run under its key. A rehearsal or plan that continues the lab of an earlier run under its key is
     * recorded once, with that first run; the primary key refuses any other key given twice.
     */
    void record(RunKey key, String startedBy, String processInstanceId, Estate estate) {
        if (key.mode() != RunMode.LIVE && used(key)) {
            return;
        }
        try {
            jdbc.update("INSERT INTO RB_RUN (RUN_KEY, ESTATE, MODE, STARTED_BY, STARTED_AT, PROCESS_INSTANCE_ID,"
                    + " ESTATE_SNAPSHOT) VALUES (?, ?, ?, ?, ?, ?, ?)", key.toString(), key.estate(), key.mode().id(),
                    startedBy, Timestamp.from(clock.instant()), processInstanceId, EstateSnapshot.of(estate));
        } catch (DuplicateKeyException e) {
            throw new RunRefusedException("business key '" + key + "' belongs to another run; leave it empty to get one");
        }
    }
}
