package com.eceops.runbook.lab;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What every simulated technology shares: the state, virtual time, the ledger and the name of the operation
 * being run (set by {@link LabGuard}, so that refusals and ledger entries name it without each method
 * repeating its own name).
 */
final class LabContext {

    private final LabState state;
    private final LabClock clock;
    private final LabDurations durations;
    private String operation = "?";

    LabContext(LabState state, LabClock clock) {
        this.state = state;
        this.clock = clock;
        this.durations = new LabDurations(state.scenario.durationScale(), state.scenario.durations());
    }

    LabState state() {
        return state;
    }

    Estate estate() {
        return state.estate;
    }

    Instant now() {
        return clock.now();
    }

    LabClock clock() {
        return clock;
    }

    LabDurations durations() {
        return durations;
    }

    String operation() {
        return operation;
    }

    void operation(String name) {
        this.operation = name;
    }

    HostState host(String name) {
        HostState host = state.hosts.get(key(name));
        if (host == null) {
            throw refuse(name, "no server " + name + " in estate " + state.estate.name());
        }
        return host;
    }

    /** A restarting host does not answer: every operation on it fails until virtual time passes its return. */
    HostState reachableHost(String name) {
        HostState host = host(name);
        if (!host.reachableAt(now())) {
            throw new OperationFailedException(host.name, operation,
                    "host does not answer (restarting until " + host.restartingUntil + ")");
        }
        return host;
    }

    Change record(String host, String what, Object before, Object after) {
        String b = String.valueOf(before);
        String a = String.valueOf(after);
        state.ledger.add(new LedgerEntry(now(), host, operation, what, b, a));
        return Change.of(what + ": " + b, what + ": " + a);
    }

    static Change unchanged(String what, Object state) {
        return Change.none(what + ": " + state);
    }

    LabRuleViolation refuse(String host, String rule) {
        return new LabRuleViolation(host, operation, rule);
    }

    long nextSequence() {
        return ++state.sequence;
    }

    static String key(String name) {
        return Objects.requireNonNull(name, "name").toUpperCase(Locale.ROOT);
    }

    /** The short NetBIOS name of a host given short or as FQDN. */
    static String shortName(String name) {
        int dot = name.indexOf('.');
        return key(dot < 0 ? name : name.substring(0, dot));
    }
}
