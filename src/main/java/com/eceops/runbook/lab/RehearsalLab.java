package com.eceops.runbook.lab;

import com.eceops.runbook.technology.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.technology.cluster.ClusterOperations;
import com.eceops.runbook.technology.dfs.DfsOperations;
import com.eceops.runbook.technology.ece.EceOperations;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.technology.reportsdb.ReportsDbUtilityOperations;
import com.eceops.runbook.technology.sql.SqlServerOperations;
import com.eceops.runbook.technology.web.WebEndpointOperations;
import com.eceops.runbook.technology.windows.WindowsOperations;
import com.fasterxml.jackson.databind.JavaType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One simulated estate for one rehearsal run. The operations it hands out are the same interfaces the real
 * implementation offers; they enforce the procedure's order and traps and write every change to the ledger.
 * All calls on one lab are serialised.
 */
public final class RehearsalLab {

    private final String runId;
    private final LabContext context;
    private final LabStore store;
    private final LabDfs dfsLab;
    private final Map<String, Object> targets;
    private final WindowsOperations windows;
    private final SqlServerOperations sql;
    private final ActiveDirectoryOperations activeDirectory;
    private final DfsOperations dfs;
    private final ClusterOperations cluster;
    private final EceOperations ece;
    private final WebEndpointOperations web;
    private final ReportsDbUtilityOperations reportsDb;

    RehearsalLab(String runId, LabState state, LabClock clock, LabStore store) {
        this.runId = runId;
        this.context = new LabContext(state, clock);
        this.store = store;
        LabWindows windowsLab = new LabWindows(context);
        LabSqlServer sqlLab = new LabSqlServer(context);
        LabActiveDirectory adLab = new LabActiveDirectory(context);
        this.dfsLab = new LabDfs(context);
        LabCluster clusterLab = new LabCluster(context);
        LabEce eceLab = new LabEce(context, sqlLab);
        LabWebEndpoints webLab = new LabWebEndpoints(context, eceLab);
        LabReportsDbUtility reportsDbLab = new LabReportsDbUtility(context, sqlLab);
        this.targets = Map.of("WindowsOperations", windowsLab, "SqlServerOperations", sqlLab,
                "ActiveDirectoryOperations", adLab, "DfsOperations", dfsLab, "ClusterOperations", clusterLab,
                "EceOperations", eceLab, "WebEndpointOperations", webLab, "ReportsDbUtilityOperations", reportsDbLab);
        this.windows = LabGuard.guard(this, WindowsOperations.class, windowsLab);
        this.sql = LabGuard.guard(this, SqlServerOperations.class, sqlLab);
        this.activeDirectory = LabGuard.guard(this, ActiveDirectoryOperations.class, adLab);
        this.dfs = LabGuard.guard(this, DfsOperations.class, dfsLab);
        this.cluster = LabGuard.guard(this, ClusterOperations.class, clusterLab);
        this.ece = LabGuard.guard(this, EceOperations.class, eceLab);
        this.web = LabGuard.guard(this, WebEndpointOperations.class, webLab);
        this.reportsDb = LabGuard.guard(this, ReportsDbUtilityOperations.class, reportsDbLab);
    }

    public String runId() {
        return runId;
    }

    public WindowsOperations windows() {
        return windows;
    }

    public SqlServerOperations sql() {
        return sql;
    }

    public ActiveDirectoryOperations activeDirectory() {
        return activeDirectory;
    }

    public DfsOperations dfs() {
        return dfs;
    }

    public ClusterOperations cluster() {
        return cluster;
    }

    public EceOperations ece() {
        return ece;
    }

    /** The ECE URL from outside: certificate, load balancer, pages (final notes). */
    public WebEndpointOperations web() {
        return web;
    }

    /** post-7's ReportsDB utility. */
    public ReportsDbUtilityOperations reportsDb() {
        return reportsDb;
    }

    /** Every change applied so far, oldest first (replication and slowed effects included when they land). */
    public synchronized List<LedgerEntry> ledger() {
        settle();
        return List.copyOf(context.state().ledger);
    }

    /** The schema version the database holds on the host ("base" after setup), or empty when there is no such database. */
    public synchronized java.util.Optional<String> databaseSchemaVersion(String host, String database) {
        SqlInstanceState sql = context.state().sql.get(LabContext.key(host));
        SqlInstanceState.Database db = sql == null ? null : sql.databases.get(LabContext.key(database));
        return java.util.Optional.ofNullable(db).map(d -> d.schemaVersion);
    }

    /** The people's manual steps, for rehearsals of tasks that a person completes. */
    public LabPersons persons() {
        return new LabPersons(this);
    }

    /** What people do by hand in the early sections (server builds, AD items, Deny entries). */
    public LabHandwork handwork() {
        return new LabHandwork(this);
    }

    /** What people do by hand for the final notes. */
    public LabFinalNotesPersons finalNotesPersons() {
        return new LabFinalNotesPersons(this);
    }

    public LabHaPersons haPersons() {
        return new LabHaPersons(this);
    }

    public LabClock clock() {
        return context.clock();
    }

    public LabScenario scenario() {
        return context.state().scenario;
    }

    public Estate estate() {
        return context.estate();
    }

    LabContext context() {
        return context;
    }

    /** Background work that is due by now: slowed operations landing, DFS replication. */
    synchronized void settle() {
        int ledgerBefore = context.state().ledger.size();
        int pendingBefore = context.state().pending.size();
        Instant now = context.now();
        List<PendingCall> due = context.state().pending.stream().filter(p -> !p.due.isAfter(now))
                .sorted(Comparator.comparing(p -> p.due)).toList();
        for (PendingCall call : due) {
            context.state().pending.remove(call);
            replay(call);
        }
        dfsLab.replicate();
        if (context.state().ledger.size() != ledgerBefore || context.state().pending.size() != pendingBefore) {
            save();
        }
    }

    private void replay(PendingCall call) {
        Object target = targets.get(call.facade);
        Method method = Arrays.stream(target.getClass().getInterfaces()[0].getMethods())
                .filter(m -> m.getName().equals(call.operation) && m.getParameterCount() == call.arguments.size())
                .findFirst().orElseThrow();
        Object[] args = new Object[call.arguments.size()];
        for (int i = 0; i < args.length; i++) {
            JavaType type = store.objectMapper().constructType(method.getGenericParameterTypes()[i]);
            args[i] = store.objectMapper().convertValue(call.arguments.get(i), type);
        }
        context.operation(call.operation);
        try {
            method.invoke(target, args);
        } catch (InvocationTargetException e) {
            // The slowed effect could not land after all: the ledger says so, as an operator would see it.
            context.state().ledger.add(new LedgerEntry(context.now(), String.valueOf(args.length > 0 ? args[0] : "?"),
                    call.operation, "slowed effect", "pending", "failed: " + e.getCause().getMessage()));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Brings the due time of every deferred Windows call on a host forward to now, then lets it land. */
    synchronized void completePendingWorkOn(String host) {
        Instant now = context.now();
        context.state().pending.stream()
                .filter(call -> "WindowsOperations".equals(call.facade) && !call.arguments.isEmpty()
                        && call.arguments.get(0).asText().equalsIgnoreCase(host))
                .forEach(call -> call.due = now);
        settle();
    }

    void defer(String facade, Method method, Object[] args, Instant due) {
        PendingCall call = new PendingCall();
        call.due = due;
        call.facade = facade;
        call.operation = method.getName();
        for (Object arg : args) {
            call.arguments.add(store.objectMapper().valueToTree(arg));
        }
        context.state().pending.add(call);
    }

    /** Where an operation acts, for faults: Active Directory is the domain, the login page and the web endpoints the ECE URL's host. */
    String hostOf(String facade, Method method, Object[] args) {
        if (facade.equals("ActiveDirectoryOperations")) {
            return context.estate().domain().fqdn();
        }
        if (method.getName().equals("readLoginPage") || facade.equals("WebEndpointOperations")) {
            return context.estate().ece().fqdn();
        }
        return args.length > 0 && args[0] instanceof String s ? s : "?";
    }

    synchronized void save() {
        if (context.clock() instanceof ScaledClock scaled) {
            context.state().clockAnchor = scaled.anchor();
        }
        store.save(runId, context.state());
    }
}
