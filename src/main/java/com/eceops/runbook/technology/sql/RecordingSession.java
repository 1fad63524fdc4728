package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The plan-mode session: no connection. Every script a change would run is handed to the recorder under its
 * server, the procedure step now running and the database it would run in; every read answers no rows, the
 * answer of a server where nothing is there yet. What a run would find instead is the run's business: the plan
 * shows what it sends when the change is due.
 */
final class RecordingSession implements SqlSession {

    private static final String UNKNOWN_STEP = "unknown step";

    private final String host;
    private final ScriptRecorder recorder;
    private final Supplier<String> currentStep;

    RecordingSession(String host, ScriptRecorder recorder, Supplier<String> currentStep) {
        this.host = host;
        this.recorder = recorder;
        this.currentStep = currentStep;
    }

    @Override
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        return List.of();
    }

    /**
     * Files the script under the step the procedure is in (a backup serves pre-6.2 and post-3.2 alike); the
     * statement's own step only when no step is running, as in a test.
     */
    @Override
    public List<BatchResult> run(String script, String database, String step) {
        String running = currentStep.get();
        String filedUnder = running == null || running.equals(UNKNOWN_STEP) ? step : running;
        recorder.record(host, filedUnder, operation(script) + " (in " + database + ")", SecretMasker.mask(script));
        return List.of();
    }

    /** The first line that is not a comment names the script in the plan's heading. */
    private static String operation(String script) {
        return script.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("--"))
                .findFirst().orElse("T-SQL");
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
