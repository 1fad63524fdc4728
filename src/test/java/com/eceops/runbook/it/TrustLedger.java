package com.eceops.runbook.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.eceops.runbook.it.TrustJar.Reply;

/**
 * Every probe of {@link TrustBoundaryIT}, kept rather than thrown so that one test reports all of its findings and
 * the suite can count them: bypass attempts (must be refused with the stated status), positive cases (a group's own
 * work must still go through) and plain checks (state after a probe).
 */
final class TrustLedger {

    enum Kind { BYPASS, POSITIVE, CHECK }

    record Entry(String test, Kind kind, String what, boolean ok, boolean succeeded, String detail) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private String test = "setup";

    synchronized void begin(String testName) {
        test = testName;
    }

    /** A bypass attempt: refused when it answered one of {@code refusedWith}; it succeeded when it answered 2xx. */
    synchronized boolean bypass(String what, Reply reply, int... refusedWith) {
        boolean ok = Arrays.stream(refusedWith).anyMatch(status -> status == reply.status());
        add(Kind.BYPASS, what, ok, reply.is2xx(), "expected " + statuses(refusedWith) + ", got " + reply);
        return ok;
    }

    /** A bypass attempt judged by more than its status (for example a 400 that must name a field). */
    synchronized boolean bypass(String what, Reply reply, boolean refusedAsExpected, String expectation) {
        add(Kind.BYPASS, what, refusedAsExpected, reply.is2xx() && !refusedAsExpected,
                "expected " + expectation + ", got " + reply);
        return refusedAsExpected;
    }

    /** A bypass judged by what it revealed rather than by a status. */
    synchronized boolean bypass(String what, boolean refused, String detail) {
        add(Kind.BYPASS, what, refused, !refused, detail);
        return refused;
    }

    synchronized boolean positive(String what, Reply reply, int... expected) {
        boolean ok = Arrays.stream(expected).anyMatch(status -> status == reply.status());
        add(Kind.POSITIVE, what, ok, false, "expected " + statuses(expected) + ", got " + reply);
        return ok;
    }

    synchronized boolean check(String what, boolean ok, String detail) {
        add(Kind.CHECK, what, ok, false, detail);
        return ok;
    }

    /** Fails the current test with every failed probe of it, in order. */
    synchronized void assertTestClean() {
        List<Entry> failed = entries.stream().filter(e -> e.test().equals(test) && !e.ok()).toList();
        if (!failed.isEmpty()) {
            throw new AssertionError(failed.size() + " of " + entries.stream().filter(e -> e.test().equals(test)).count()
                    + " probes failed in " + test + ":\n" + failed.stream().map(TrustLedger::line)
                            .collect(Collectors.joining("\n")));
        }
    }

    synchronized long bypassesTried() {
        return entries.stream().filter(e -> e.kind() == Kind.BYPASS).count();
    }

    synchronized long bypassesRefused() {
        return entries.stream().filter(e -> e.kind() == Kind.BYPASS && e.ok()).count();
    }

    synchronized List<Entry> bypassesThatSucceeded() {
        return entries.stream().filter(e -> e.kind() == Kind.BYPASS && e.succeeded()).toList();
    }

    /** The whole record, one line a probe, for the end of the suite. */
    synchronized String report() {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            out.append(line(entry)).append('\n');
        }
        return out.toString();
    }

    private void add(Kind kind, String what, boolean ok, boolean succeeded, String detail) {
        entries.add(new Entry(test, kind, what, ok, succeeded, detail));
    }

    private static String line(Entry entry) {
        String verdict = entry.ok() ? "ok     " : entry.succeeded() ? "BYPASSED" : "FAILED ";
        return "  [" + verdict + "] " + entry.kind() + " " + entry.test() + " / " + entry.what()
                + (entry.ok() ? "" : ": " + entry.detail());
    }

    private static String statuses(int[] statuses) {
        return Arrays.stream(statuses).mapToObj(Integer::toString).collect(Collectors.joining(" or "));
    }
}
