package com.eceops.runbook.lab;

import java.util.List;
import java.util.Map;

/**
 * One transaction's working copy of a lab: the state as read with its version, and the simulated technologies
 * made on it. It lives as long as the transaction (or one unit of work outside any), never longer, so no node
 * works on a copy that another node has changed since.
 */
final class LabSession {

    private final String runId;
    private final LabStore store;
    private final LabContext context;
    private final LabDfs dfs;
    private final Map<String, Object> targets;
    private String written;
    private long version;
    private int ledgerStored;
    private int ledgerWritten;

    LabSession(String runId, LabStore store, LabState state, LabClock clock, long version, int ledgerStored) {
        this.runId = runId;
        this.written = LabStore.write(state);
        this.store = store;
        this.context = new LabContext(state, clock);
        this.version = version;
        this.ledgerStored = ledgerStored;
        LabWindows windowsLab = new LabWindows(context);
        LabSqlServer sqlLab = new LabSqlServer(context);
        this.dfs = new LabDfs(context);
        LabEce eceLab = new LabEce(context, sqlLab);
        this.targets = Map.of("WindowsOperations", windowsLab, "SqlServerOperations", sqlLab,
                "ActiveDirectoryOperations", new LabActiveDirectory(context), "DfsOperations", dfs,
                "ClusterOperations", new LabCluster(context), "EceOperations", eceLab,
                "WebEndpointOperations", new LabWebEndpoints(context, eceLab),
                "ReportsDbUtilityOperations", new LabReportsDbUtility(context, sqlLab));
    }

    LabContext context() {
        return context;
    }

    LabDfs dfs() {
        return dfs;
    }

    /** The simulated technology behind an operations interface, by the interface's simple name. */
    Object target(String facade) {
        Object target = targets.get(facade);
        if (target == null) {
            throw new IllegalArgumentException("the lab simulates no " + facade);
        }
        return target;
    }

    /**
     * Writes what changed since the last write, over the version this copy holds; nothing when nothing changed
     * (a read that moved no counter), so readers do not bump the version under each other.
     */
    void save() {
        if (context.clock() instanceof ScaledClock scaled) {
            context.state().clockAnchor = scaled.anchor();
        }
        List<LedgerEntry> ledger = context.state().ledger;
        List<LedgerEntry> added = List.copyOf(ledger.subList(ledgerWritten, ledger.size()));
        String state = LabStore.write(context.state());
        if (added.isEmpty() && state.equals(written)) {
            return;
        }
        version = store.save(runId, state, version, added, ledgerStored);
        written = state;
        ledgerStored += added.size();
        ledgerWritten = ledger.size();
    }

    /** The whole ledger: what the store holds and what this copy added and has not written yet. */
    List<LedgerEntry> ledger() {
        List<LedgerEntry> ledger = context.state().ledger;
        if (ledgerWritten == ledger.size()) {
            return store.ledger(runId);
        }
        List<LedgerEntry> all = new java.util.ArrayList<>(store.ledger(runId));
        all.addAll(ledger.subList(ledgerWritten, ledger.size()));
        return List.copyOf(all);
    }
}
