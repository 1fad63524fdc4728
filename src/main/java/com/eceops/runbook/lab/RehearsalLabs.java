package com.eceops.runbook.lab;

import com.eceops.runbook.estate.Estate;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rehearsal labs of this application, one per run, kept in memory and on disk under
 * {@code <dataDir>/labs/<runId>.json} so that a rehearsal survives a restart of the application.
 */
@Component
public class RehearsalLabs {

    private final LabStore store;
    private final LabClockFactory clocks;
    private final Map<String, RehearsalLab> open = new ConcurrentHashMap<>();

    public RehearsalLabs(@Value("${runbook.data-dir:./data}") Path dataDir, LabClockFactory clocks) {
        this.store = new LabStore(dataDir);
        this.clocks = clocks;
    }

    /**
     * The lab of the run: the one already open or saved (then {@code estate} and {@code scenario} are those it
     * was made with, not the arguments), or a new bare lab of the estate.
     */
    public RehearsalLab open(String runId, Estate estate, LabScenario scenario) {
        return open.computeIfAbsent(runId, id -> store.load(id).map(state -> restore(id, state)).orElseGet(() -> {
            LabClock clock = clocks.clockFor(scenario, null);
            RehearsalLab lab = new RehearsalLab(id, BareLab.create(estate, scenario, clock.now()), clock, store);
            lab.save();
            return lab;
        }));
    }

    public Optional<RehearsalLab> find(String runId) {
        return Optional.ofNullable(open.computeIfAbsent(runId, id -> store.load(id).map(state -> restore(id, state)).orElse(null)));
    }

    private RehearsalLab restore(String runId, LabState state) {
        return new RehearsalLab(runId, state, clocks.clockFor(state.scenario, state.clockAnchor), store);
    }
}
