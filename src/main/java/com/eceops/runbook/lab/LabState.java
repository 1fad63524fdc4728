package com.eceops.runbook.lab;

import com.eceops.runbook.estate.Estate;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a rehearsal lab knows, as one serialisable tree: {@link LabStore} writes it as JSON to the engine's
 * database after every change. Public fields keep the JSON mapping free of ceremony; only the lab's package sees
 * them.
 */
class LabState {
    public Estate estate;
    public LabScenario scenario;
    public ClockAnchor clockAnchor;
    public Map<String, HostState> hosts = new LinkedHashMap<>();
    public AdState activeDirectory = new AdState();
    public DfsState dfs = new DfsState();
    public ClusterLabState cluster;
    public Map<String, SqlInstanceState> sql = new LinkedHashMap<>();
    public AgLabState availabilityGroup;
    public Map<String, EceHostState> ece = new LinkedHashMap<>();
    public LabWebState web = new LabWebState();
    /**
     * The changes made since the state was read; the store keeps the whole ledger as rows of its own, so a change
     * of state does not rewrite every earlier entry.
     */
    @JsonIgnore
    public List<LedgerEntry> ledger = new ArrayList<>();
    /** How often each fault on a detached SQL job (backupJob, restoreJob) has failed it so far, by fault index. */
    public Map<Integer, Integer> faultFailures = new LinkedHashMap<>();
    public List<PendingCall> pending = new ArrayList<>();
    /** ECE's email Dispatcher and Retriever processes and instances; made on first use (patch-1.2, patch-4.6). */
    public List<EmailProcessState> emailProcesses;
    /** How many damaged backups each corruptBackups pattern of the scenario has produced so far. */
    public Map<String, Integer> corruptedBackups = new LinkedHashMap<>();
    /** The replica that was primary when ECE setup created its databases (inst-1.1); post-7 must name the other. */
    public String eceDatabasesCreatedOn;
    /** post-7: the ReportsDB utility's runs, by id. */
    public Map<String, LabReportsDbUtility.RunState> reportsUtilityRuns = new LinkedHashMap<>();
    public long sequence;
}
