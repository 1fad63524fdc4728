package com.eceops.runbook.procedure.postinstall;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.eceops.runbook.estate.CiscoProcessCounts;
import com.eceops.runbook.run.RunContext;

/** One look at the processes of the ECE service account on each collocated server, side A first. */
record CiscoProcesses(String account, Map<String, Integer> counts) {

    static CiscoProcesses count(RunContext run, PostInstallationPlan plan) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String host : plan.collocated()) {
            counts.putIfAbsent(host, run.windows().countProcessesRunningAs(host, plan.eceServiceAccount()));
        }
        return new CiscoProcesses(plan.eceServiceAccount(), counts);
    }

    /** "HOST=n, HOST=n". */
    String text() {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The counts the document (or the inventory) expects of a started service, on both servers. */
    boolean started(CiscoProcessCounts expected) {
        return expected.startedIn(counts.values());
    }

    boolean noneLeft() {
        return counts.values().stream().allMatch(n -> n == 0);
    }
}
