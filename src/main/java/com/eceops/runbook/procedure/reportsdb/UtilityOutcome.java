package com.eceops.runbook.procedure.reportsdb;

import com.eceops.runbook.procedure.reportsdb.ReportsDbPlan;

import java.util.Optional;

import com.eceops.runbook.run.RunContext;

/** Whether the utility worked: its log's success line, and SSISDB (the catalog it creates) on the secondary. */
public final class UtilityOutcome {

    private UtilityOutcome() {
    }

    public static boolean succeeded(RunContext run, ReportsDbPlan plan) {
        return logSaysSuccess(run.reportsDb().readLogTail(plan.host(), plan.directory())) && catalogOnSecondary(run, plan);
    }

    public static boolean logSaysSuccess(Optional<String> logTail) {
        return logTail.map(t -> t.contains(ReportsDbPlan.SUCCESS_LINE)).orElse(false);
    }

    public static boolean catalogOnSecondary(RunContext run, ReportsDbPlan plan) {
        return run.sql().readDatabases(plan.secondary()).stream().anyMatch(d -> "SSISDB".equalsIgnoreCase(d.name()));
    }
}
