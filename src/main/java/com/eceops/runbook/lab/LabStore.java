package com.eceops.runbook.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Labs in the engine's database (H2 or PostgreSQL), so that any node can run any step of a rehearsal and a job
 * that rolls back takes its lab changes with it: {@code RB_LAB} holds each lab's state as JSON with a version,
 * {@code RB_LAB_LEDGER} its ledger, one row per change. The statements run on the caller's transaction when there
 * is one (Spring binds the engine's connection), on their own otherwise.
 *
 * <p>Versions are optimistic: a save names the version it read, and a save that finds another one (a job on
 * another node or thread changed the lab meanwhile) throws the engine's {@link OptimisticLockingException}, so that
 * the job executor rolls the job back and runs it again on the fresh state without counting a failure.
 */
final class LabStore {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    LabStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS RB_LAB (RUN_ID VARCHAR(128) PRIMARY KEY, VERSION BIGINT NOT NULL,"
                + " LEDGER_SIZE INTEGER NOT NULL, STATE TEXT NOT NULL, UPDATED_AT TIMESTAMP NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS RB_LAB_LEDGER (RUN_ID VARCHAR(128) NOT NULL, SEQ INTEGER NOT NULL,"
                + " VIRTUAL_TIME VARCHAR(40) NOT NULL, HOST VARCHAR(255) NOT NULL, OPERATION VARCHAR(255) NOT NULL,"
                + " WHAT TEXT NOT NULL, BEFORE_VALUE TEXT NOT NULL, AFTER_VALUE TEXT NOT NULL,"
                + " PRIMARY KEY (RUN_ID, SEQ))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS RB_LAB_FAULT (RUN_ID VARCHAR(128) NOT NULL, FAULT_INDEX INTEGER NOT NULL,"
                + " FAILURES INTEGER NOT NULL, PRIMARY KEY (RUN_ID, FAULT_INDEX))");
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A lab as read: its state (ledger not included), the version read and how many ledger rows it has. */
    record Stored(LabState state, long version, int ledgerSize) {
    }

    Optional<Stored> load(String runId) {
        check(runId);
        return jdbc.query("SELECT STATE, VERSION, LEDGER_SIZE FROM RB_LAB WHERE RUN_ID = ?",
                (rs, row) -> new Stored(read(runId, rs.getString(1)), rs.getLong(2), rs.getInt(3)), runId)
                .stream().findFirst();
    }

    boolean exists(String runId) {
        check(runId);
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM RB_LAB WHERE RUN_ID = ?", Integer.class, runId);
        return count != null && count > 0;
    }

    /** A new lab at version 1; another caller that made it first wins, and this caller is sent round again. */
    long insert(String runId, LabState state) {
        check(runId);
        try {
            jdbc.update("INSERT INTO RB_LAB (RUN_ID, VERSION, LEDGER_SIZE, STATE, UPDATED_AT) VALUES (?, 1, ?, ?, ?)",
                    runId, state.ledger.size(), write(state), Timestamp.from(Instant.now()));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            throw conflict(runId, e);
        }
        appendLedger(runId, 0, state.ledger);
        return 1;
    }

    /**
     * Writes the state over the version read and appends the ledger entries added since, from sequence number
     * {@code firstSeq} on; answers the new version.
     */
    long save(String runId, String state, long versionRead, List<LedgerEntry> added, int firstSeq) {
        int updated;
        try {
            updated = jdbc.update("UPDATE RB_LAB SET STATE = ?, VERSION = ?, LEDGER_SIZE = ?, UPDATED_AT = ?"
                    + " WHERE RUN_ID = ? AND VERSION = ?", state, versionRead + 1, firstSeq + added.size(),
                    Timestamp.from(Instant.now()), runId, versionRead);
        } catch (ConcurrencyFailureException e) {
            throw conflict(runId, e);
        }
        if (updated != 1) {
            throw conflict(runId, null);
        }
        appendLedger(runId, firstSeq, added);
        return versionRead + 1;
    }

    /** How often the scenario's fault {@code index} has made a call fail so far. */
    int faultFailures(String runId, int index) {
        return jdbc.query("SELECT FAILURES FROM RB_LAB_FAULT WHERE RUN_ID = ? AND FAULT_INDEX = ?",
                (rs, row) -> rs.getInt(1), runId, index).stream().findFirst().orElse(0);
    }

    /**
     * Counts one more failure of fault {@code index}, committed at once on a connection of its own: the failure
     * happened on the "server" even though the job that saw it rolls back, so a fault that fails three times lets
     * the fourth attempt through, as a real flaky server would.
     */
    void countFaultFailure(String runId, int index) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            JdbcTemplate own = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            if (own.update("UPDATE RB_LAB_FAULT SET FAILURES = FAILURES + 1 WHERE RUN_ID = ? AND FAULT_INDEX = ?",
                    runId, index) == 0) {
                own.update("INSERT INTO RB_LAB_FAULT (RUN_ID, FAULT_INDEX, FAILURES) VALUES (?, ?, 1)", runId, index);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count a fault of rehearsal lab " + runId + ": " + e.getMessage(), e);
        }
    }

    /** The lab's ledger as stored, oldest first. */
    List<LedgerEntry> ledger(String runId) {
        return jdbc.query("SELECT VIRTUAL_TIME, HOST, OPERATION, WHAT, BEFORE_VALUE, AFTER_VALUE FROM RB_LAB_LEDGER"
                + " WHERE RUN_ID = ? ORDER BY SEQ", (rs, row) -> new LedgerEntry(Instant.parse(rs.getString(1)),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), runId);
    }

    private void appendLedger(String runId, int firstSeq, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            rows.add(new Object[] {runId, firstSeq + i, e.at().toString(), e.host(), e.operation(), e.what(),
                e.before(), e.after()});
        }
        try {
            jdbc.batchUpdate("INSERT INTO RB_LAB_LEDGER (RUN_ID, SEQ, VIRTUAL_TIME, HOST, OPERATION, WHAT, BEFORE_VALUE,"
                    + " AFTER_VALUE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            throw conflict(runId, e);
        }
    }

    private static OptimisticLockingException conflict(String runId, Exception cause) {
        String message = "rehearsal lab " + runId + " was changed by another job meanwhile; this one runs again on its new state";
        return cause == null ? new OptimisticLockingException(message) : new OptimisticLockingException(message, cause);
    }

    private static LabState read(String runId, String json) {
        try {
            return MAPPER.readValue(json, LabState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read rehearsal lab " + runId + ": " + e.getOriginalMessage(), e);
        }
    }

    static String write(LabState state) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a rehearsal lab: " + e.getOriginalMessage(), e);
        }
    }

    private static void check(String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("a run id is letters, digits, dot, dash and underscore: " + runId);
        }
    }
}
