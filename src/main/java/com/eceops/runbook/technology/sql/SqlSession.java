package com.eceops.runbook.technology.sql;

import java.util.List;
import java.util.Map;

/**
 * What one operation sends one instance: parameterized reads and scripted batches. Over a connection
 * ({@link JdbcSession}) in a run; written down and never sent ({@link RecordingSession}) in a plan.
 */
interface SqlSession extends AutoCloseable {

    List<Map<String, Object>> query(String sql, Object... parameters);

    /** Runs {@code script} batch by batch in {@code database}; {@code step} names the procedure step in errors. */
    List<BatchResult> run(String script, String database, String step);

    @Override
    void close();
}
