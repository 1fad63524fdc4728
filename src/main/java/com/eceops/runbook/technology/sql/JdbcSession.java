package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.OperationFailedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One connection to one instance for one operation: parameterized reads and scripted batches. */
final class JdbcSession implements SqlSession {

    private final Connection connection;
    private final String host;
    private final Duration timeout;

    JdbcSession(Connection connection, String host, Duration timeout) {
        this.connection = connection;
        this.host = host;
        this.timeout = timeout;
    }

    @Override
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new OperationFailedException(host, "read " + sql.lines().findFirst().orElse(""),
                    SecretMasker.mask("error " + e.getErrorCode() + ": " + e.getMessage()));
        }
    }

    @Override
    public List<BatchResult> run(String script, String database, String step) {
        return new BatchRunner(timeout).run(connection, script, new SqlContext(host, database, step));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the work is done; a failing close changes nothing for the runbook
        }
    }
}
