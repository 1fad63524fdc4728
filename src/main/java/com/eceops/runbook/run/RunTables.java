package com.eceops.runbook.run;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The runbook's own tables, in the engine's database (H2 or PostgreSQL) so that every node sees them and they
 * change in the same transaction as the engine's rows: the run register with its counter, the estate locks and the
 * record of broken locks. Created when missing, with statements both databases accept.
 */
@Component
class RunTables {

    private final JdbcTemplate jdbc;

    RunTables(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS RB_RUN_COUNTER (ID INTEGER PRIMARY KEY, LAST_NUMBER BIGINT NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS RB_RUN (RUN_KEY VARCHAR(255) PRIMARY KEY, ESTATE VARCHAR(100) NOT NULL,"
                + " MODE VARCHAR(20) NOT NULL, STARTED_BY VARCHAR(255), STARTED_AT TIMESTAMP NOT NULL,"
                + " PROCESS_INSTANCE_ID VARCHAR(64) NOT NULL)");
        // The estate as the run started on it, for every node (added after the table first shipped).
        jdbc.execute("ALTER TABLE RB_RUN ADD COLUMN IF NOT EXISTS ESTATE_SNAPSHOT TEXT");
        jdbc.execute("CREATE TABLE IF NOT EXISTS RB_ESTATE_LOCK (ESTATE VARCHAR(255) PRIMARY KEY,"
                + " RUN_KEY VARCHAR(255) NOT NULL, HELD_BY VARCHAR(255), SINCE TIMESTAMP NOT NULL,"
                + " PROCESS_INSTANCE_ID VARCHAR(64) NOT NULL, ROOT_PROCESS_INSTANCE_ID VARCHAR(64) NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS RB_ESTATE_LOCK_BREAK (ESTATE VARCHAR(255) NOT NULL,"
                + " RUN_KEY VARCHAR(255) NOT NULL, HELD_BY VARCHAR(255), SINCE TIMESTAMP NOT NULL,"
                + " BROKEN_BY VARCHAR(255) NOT NULL, BROKEN_AT TIMESTAMP NOT NULL, REASON VARCHAR(500) NOT NULL)");
        try {
            jdbc.update("INSERT INTO RB_RUN_COUNTER (ID, LAST_NUMBER) SELECT 1, 0 WHERE NOT EXISTS"
                    + " (SELECT 1 FROM RB_RUN_COUNTER WHERE ID = 1)");
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // Two nodes starting together: the other one made the row, which is all that was needed.
        }
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }
}
