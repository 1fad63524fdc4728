package com.eceops.runbook.lab;

import com.eceops.runbook.estate.Estate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The rehearsal labs, one per run, in the engine's database ({@link LabStore}). The handles kept here carry no
 * state, only how to find and make a lab, so a node never works on a copy that another node has changed.
 */
@Component
public class RehearsalLabs {

    private final LabStore store;
    private final LabClockFactory clocks;
    private final Map<String, RehearsalLab> handles = new ConcurrentHashMap<>();

    public RehearsalLabs(DataSource dataSource, LabClockFactory clocks) {
        this.store = new LabStore(dataSource);
        this.clocks = clocks;
    }

    /**
     * The lab of the run: the one already stored (then {@code estate} and {@code scenario} are those it was made
     * with, not the arguments), or else a new bare lab of the estate, stored now (on the caller's transaction when
     * there is one).
     */
    public RehearsalLab open(String runId, Estate estate, LabScenario scenario) {
        RehearsalLab lab = handles.computeIfAbsent(runId, id -> new RehearsalLab(id, store, clocks, estate, scenario));
        lab.locked(() -> lab.context());
        return lab;
    }

    /** The lab of the run if one was stored. */
    public Optional<RehearsalLab> find(String runId) {
        RehearsalLab open = handles.get(runId);
        if (open != null) {
            return Optional.of(open);
        }
        if (!store.exists(runId)) {
            return Optional.empty();
        }
        return Optional.of(handles.computeIfAbsent(runId, id -> new RehearsalLab(id, store, clocks, null, null)));
    }
}
