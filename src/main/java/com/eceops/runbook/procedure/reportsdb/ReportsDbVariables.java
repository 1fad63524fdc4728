package com.eceops.runbook.procedure.reportsdb;

import com.eceops.runbook.run.Var;

import com.eceops.runbook.technology.reportsdb.UtilityRun;

/**
 * The process variables of the ReportsDatabase section (post-7); form templates use the same names. Inputs:
 * {@code secondaryReplica} and {@code secondaryReplicaFqdn} as noted at install time (inst-1.1), and
 * {@link #SOURCE}.
 */
public final class ReportsDbVariables {

    /**
     * Input: where the utility is copied from. The ReportsDB utility directory itself, or a folder holding
     * {@code Utilities\ReportsDB Utility (SQL Server Always ON)} (the install media, an unzipped ES). Without it,
     * the media path of the inventory on ECE 12.5 and later; ECE 12.0 needs it (the ES directory).
     */
    public static final Var<String> SOURCE = Var.string("reportsUtilitySource");
    /** Set by Install ECE HA on ECE 12.0: post-7 waits until after the first patch. */
    public static final Var<Boolean> DEFERRED = Var.bool("reportsDatabaseDeferred");
    public static final Var<String> DEFERRED_REASON = Var.string("reportsDatabaseDeferredReason");
    /** What the replica check found; shown when the DBAs must fail the group back. */
    public static final Var<String> REPLICA_REPORT = Var.string("replicaRolesReport");
    /** The started run ({@link UtilityRun#toVariable()}). */
    public static final Var<String> RUN = Var.string("reportsUtilityRun");
    /** True when the utility had already created the reports objects, so nothing was started. */
    public static final Var<Boolean> ALREADY_DONE = Var.bool("reportsObjectsCreatedBefore");
    public static final Var<Boolean> FINISHED = Var.bool("reportsUtilityFinished");
    public static final Var<String> REPORT = Var.string("reportsUtilityReport");

    private ReportsDbVariables() {
    }
}
