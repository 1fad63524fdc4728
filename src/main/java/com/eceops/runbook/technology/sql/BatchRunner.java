package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.SecretMasker;
import com.microsoft.sqlserver.jdbc.SQLServerError;
import com.microsoft.sqlserver.jdbc.SQLServerException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a script batch by batch, as SSMS would after splitting on GO, with a timeout per batch and a
 * {@link #cancel()} that another thread may call. It stops at the first batch that fails.
 */
final class BatchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final Duration timeout;
    private final AtomicReference<Statement> running = new AtomicReference<>();
    private volatile boolean cancelled;

    BatchRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /** Cancels the batch now running, and every batch after it. */
    void cancel() {
        cancelled = true;
        Statement statement = running.get();
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                LOG.warn("cancel failed: {}", SecretMasker.mask(e.getMessage()));
            }
        }
    }

    List<BatchResult> run(Connection connection, String script, SqlContext context) {
        List<BatchResult> results = new ArrayList<>();
        for (GoSplitter.Batch batch : GoSplitter.split(script)) {
            for (int i = 0; i < batch.repeat(); i++) {
                results.add(runOne(connection, batch, context));
            }
        }
        return results;
    }

    private BatchResult runOne(Connection connection, GoSplitter.Batch batch, SqlContext context) {
        String firstLine = batch.firstLineOfText();
        if (cancelled) {
            throw new SqlStatementFailedException(context, firstLine, "cancelled before it started", List.of(), null);
        }
        List<ServerMessage> messages = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<List<Map<String, Object>>> resultSets = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            running.set(statement);
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            boolean isResultSet = statement.execute(batch.text());
            while (true) {
                collectWarnings(statement.getWarnings(), messages);
                statement.clearWarnings();
                if (isResultSet) {
                    try (ResultSet rows = statement.getResultSet()) {
                        resultSets.add(read(rows));
                    }
                } else {
                    int count = statement.getUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    counts.add(count);
                }
                isResultSet = statement.getMoreResults();
            }
            collectWarnings(statement.getWarnings(), messages);
        } catch (SQLException e) {
            throw failure(context, firstLine, e, messages);
        } finally {
            running.set(null);
        }
        messages.forEach(m -> LOG.info("{} {}: {}", context.server(), context.procedureStep(), SecretMasker.mask(m.toString())));
        return new BatchResult(firstLine, List.copyOf(messages), List.copyOf(counts), List.copyOf(resultSets));
    }

    private SqlStatementFailedException failure(SqlContext context, String firstLine, SQLException e,
                                                List<ServerMessage> informational) {
        List<ServerMessage> errors = new ArrayList<>();
        for (SQLException link = e; link != null; link = link.getNextException()) {
            errors.add(message(link));
        }
        String cause;
        if (cancelled) {
            cause = "cancelled";
        } else if (e instanceof SQLTimeoutException || isTimeout(e)) {
            cause = "timed out after " + timeout.toSeconds() + " s";
        } else {
            cause = String.join(" | ", errors.stream().map(ServerMessage::toString).toList());
        }
        if (!informational.isEmpty()) {
            cause += " (after " + informational.size() + " informational message(s))";
        }
        return new SqlStatementFailedException(context, firstLine, cause, errors, e);
    }

    private static boolean isTimeout(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("timed out");
    }

    private static void collectWarnings(SQLWarning warning, List<ServerMessage> into) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            into.add(message(w));
        }
    }

    private static ServerMessage message(SQLException e) {
        if (e instanceof SQLServerException server && server.getSQLServerError() != null) {
            return fromError(server.getSQLServerError());
        }
        if (e instanceof SQLWarning && e.getCause() instanceof SQLServerException server && server.getSQLServerError() != null) {
            return fromError(server.getSQLServerError());
        }
        return new ServerMessage(e.getErrorCode(), e instanceof SQLWarning ? 0 : 16, 0, 0, SecretMasker.mask(e.getMessage()));
    }

    private static ServerMessage fromError(SQLServerError error) {
        return new ServerMessage(error.getErrorNumber(), error.getErrorSeverity(), error.getErrorState(),
                (int) error.getLineNumber(), SecretMasker.mask(error.getErrorMessage()));
    }

    private static List<Map<String, Object>> read(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> read = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                row.put(meta.getColumnLabel(c), rows.getObject(c));
            }
            read.add(row);
        }
        return read;
    }
}
