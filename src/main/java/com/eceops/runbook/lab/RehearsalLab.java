package com.eceops.runbook.lab;

import org.camunda.bpm.engine.delegate.VariableScope;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.technology.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.technology.cluster.ClusterOperations;
import com.eceops.runbook.technology.dfs.DfsOperations;
import com.eceops.runbook.technology.ece.EceOperations;
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
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One simulated estate for one rehearsal run. The operations it hands out are the same interfaces the real
 * implementation offers; they enforce the procedure's order and traps and write every change to the ledger.
 *
 * <p>This is a handle: the state lives in the engine's database ({@link LabStore}). Inside an engine transaction
 * each call works on the transaction's copy, read once and written after every change on that transaction, so a
 * job that rolls back leaves no lab change and any node can run the next step. Outside a transaction (tests,
 * tooling) each call is a unit of its own, run again on fresh state if another writer came first.
 */
public final class RehearsalLab {

    private final String runId;
    private final LabStore store;
    private final LabClockFactory clocks;
    private final Estate estateIfNew;
    private final LabScenario scenarioIfNew;
    private final ThreadLocal<LabSession> unitOfWork = new ThreadLocal<>();
    private final WindowsOperations windows;
    private final SqlServerOperations sql;
    private final ActiveDirectoryOperations activeDirectory;
    private final DfsOperations dfs;
    private final ClusterOperations cluster;
    private final EceOperations ece;
    private final WebEndpointOperations web;
    private final ReportsDbUtilityOperations reportsDb;

    /** {@code estateIfNew} and {@code scenarioIfNew} make the lab when the store has none under the run id yet. */
    RehearsalLab(String runId, LabStore store, LabClockFactory clocks, Estate estateIfNew, LabScenario scenarioIfNew) {
        this.runId = runId;
        this.store = store;
        this.clocks = clocks;
        this.estateIfNew = estateIfNew;
        this.scenarioIfNew = scenarioIfNew;
        this.windows = LabGuard.guard(this, WindowsOperations.class);
        this.sql = LabGuard.guard(this, SqlServerOperations.class);
        this.activeDirectory = LabGuard.guard(this, ActiveDirectoryOperations.class);
        this.dfs = LabGuard.guard(this, DfsOperations.class);
        this.cluster = LabGuard.guard(this, ClusterOperations.class);
        this.ece = LabGuard.guard(this, EceOperations.class);
        this.web = LabGuard.guard(this, WebEndpointOperations.class);
        this.reportsDb = LabGuard.guard(this, ReportsDbUtilityOperations.class);
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
    public List<LedgerEntry> ledger() {
        return locked(() -> {
            settle();
            return session().ledger();
        });
    }

    /** The schema version the database holds on the host ("base" after setup), or empty when there is no such database. */
    public Optional<String> databaseSchemaVersion(String host, String database) {
        return locked(() -> {
            SqlInstanceState sql = context().state().sql.get(LabContext.key(host));
            SqlInstanceState.Database db = sql == null ? null : sql.databases.get(LabContext.key(database));
            return Optional.ofNullable(db).map(d -> d.schemaVersion);
        });
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
        return locked(() -> context().clock());
    }

    public LabScenario scenario() {
        return locked(() -> context().state().scenario);
    }

    /**
     * Does to this lab what the person who completed {@code taskKey} of {@code processKey} did on the servers, as a
     * rehearsal does when the task completes; {@code task} gives the task's variables and the person's answers. For a
     * lab that stands behind a live run's servers (the wire lab), where the persons' hands are the test's.
     */
    public void doAsPerson(String processKey, String taskKey, VariableScope task) {
        RehearsalPersonActions.perform(this, processKey, taskKey, task);
    }

    public Estate estate() {
        return locked(() -> context().estate());
    }

    /**
     * Runs work on the lab's state as one unit: on the engine transaction's copy when there is a transaction, else
     * on a copy read for this unit alone (and run again, at most five times, when another writer saved first).
     * Units nest: an inner one works on the outer one's copy.
     */
    <T> T locked(Supplier<T> work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            LabSession session = transactionSession();
            synchronized (session) {
                return work.get();
            }
        }
        if (unitOfWork.get() != null) {
            return work.get();
        }
        synchronized (this) {
            for (int attempt = 1; ; attempt++) {
                unitOfWork.set(open());
                try {
                    return work.get();
                } catch (OptimisticLockingException conflict) {
                    if (attempt == 5) {
                        throw conflict;
                    }
                } finally {
                    unitOfWork.remove();
                }
            }
        }
    }

    void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /** The copy the current unit works on; only inside {@link #locked}. */
    LabSession session() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            return transactionSession();
        }
        LabSession session = unitOfWork.get();
        if (session == null) {
            throw new IllegalStateException("rehearsal lab " + runId + " used outside a unit of work");
        }
        return session;
    }

    LabContext context() {
        return session().context();
    }

    private LabSession transactionSession() {
        SessionKey key = new SessionKey(store, runId);
        LabSession bound = (LabSession) TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return bound;
        }
        LabSession session = open();
        TransactionSynchronizationManager.bindResource(key, session);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return session;
    }

    /** Reads the lab, or makes it (bare, from the estate and scenario this handle was opened with) if there is none. */
    private LabSession open() {
        Optional<LabStore.Stored> stored = store.load(runId);
        if (stored.isPresent()) {
            LabState state = stored.get().state();
            return new LabSession(runId, store, state, clocks.clockFor(state.scenario, state.clockAnchor),
                    stored.get().version(), stored.get().ledgerSize());
        }
        if (estateIfNew == null) {
            throw new IllegalStateException("there is no rehearsal lab " + runId);
        }
        LabClock clock = clocks.clockFor(scenarioIfNew, null);
        LabState state = BareLab.create(estateIfNew, scenarioIfNew, clock.now());
        if (clock instanceof ScaledClock scaled) {
            state.clockAnchor = scaled.anchor();
        }
        long version = store.insert(runId, state);
        int inserted = state.ledger.size();
        state.ledger.clear();
        return new LabSession(runId, store, state, clock, version, inserted);
    }

    /** Background work that is due by now: slowed operations landing, DFS replication. */
    void settle() {
        locked(() -> {
            LabSession session = session();
            LabContext context = session.context();
            int ledgerBefore = context.state().ledger.size();
            int pendingBefore = context.state().pending.size();
            Instant now = context.now();
            List<PendingCall> due = context.state().pending.stream().filter(p -> !p.due.isAfter(now))
                    .sorted(Comparator.comparing(p -> p.due)).toList();
            for (PendingCall call : due) {
                context.state().pending.remove(call);
                replay(session, call);
            }
            session.dfs().replicate();
            if (context.state().ledger.size() != ledgerBefore || context.state().pending.size() != pendingBefore) {
                session.save();
            }
        });
    }

    private static void replay(LabSession session, PendingCall call) {
        LabContext context = session.context();
        Object target = session.target(call.facade);
        Method method = Arrays.stream(target.getClass().getInterfaces()[0].getMethods())
                .filter(m -> m.getName().equals(call.operation) && m.getParameterCount() == call.arguments.size())
                .findFirst().orElseThrow();
        Object[] args = new Object[call.arguments.size()];
        for (int i = 0; i < args.length; i++) {
            JavaType type = LabStore.mapper().constructType(method.getGenericParameterTypes()[i]);
            args[i] = LabStore.mapper().convertValue(call.arguments.get(i), type);
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
    void completePendingWorkOn(String host) {
        locked(() -> {
            LabContext context = context();
            Instant now = context.now();
            context.state().pending.stream()
                    .filter(call -> "WindowsOperations".equals(call.facade) && !call.arguments.isEmpty()
                            && call.arguments.get(0).asText().equalsIgnoreCase(host))
                    .forEach(call -> call.due = now);
            settle();
        });
    }

    void defer(String facade, Method method, Object[] args, Instant due) {
        PendingCall call = new PendingCall();
        call.due = due;
        call.facade = facade;
        call.operation = method.getName();
        for (Object arg : args) {
            call.arguments.add(LabStore.mapper().valueToTree(arg));
        }
        context().state().pending.add(call);
    }

    /** Where an operation acts, for faults: Active Directory is the domain, the login page and the web endpoints the ECE URL's host. */
    String hostOf(String facade, Method method, Object[] args) {
        if (facade.equals("ActiveDirectoryOperations")) {
            return context().estate().domain().fqdn();
        }
        if (method.getName().equals("readLoginPage") || facade.equals("WebEndpointOperations")) {
            return context().estate().ece().fqdn();
        }
        return args.length > 0 && args[0] instanceof String s ? s : "?";
    }

    int faultFailures(int fault) {
        return store.faultFailures(runId, fault);
    }

    /** Counted outside the unit's transaction: see {@link LabStore#countFaultFailure}. */
    void countFaultFailure(int fault) {
        store.countFaultFailure(runId, fault);
    }

    /** Writes the current unit's changes. */
    void save() {
        session().save();
    }

    /** Transaction resources are found by key: one copy per store and lab. */
    private record SessionKey(LabStore store, String runId) {
    }
}
