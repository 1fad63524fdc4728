package com.eceops.runbook.procedure.availabilitygroup;

import com.eceops.runbook.run.Var;

/** The process variables of the availability group section (pre-6); form field keys use the same names. */
public final class AvailabilityGroupVariables {

    public static final Var<Boolean> SQL_RESTART_NEEDED = Var.bool("sqlRestartNeeded");
    public static final Var<Boolean> SQL_SERVER_ANSWERS = Var.bool("sqlServerAnswers");
    public static final Var<Boolean> HEALTHY = Var.bool("availabilityGroupHealthy");
    /** What the last health check saw, for the DBAs' investigation task. */
    public static final Var<String> HEALTH_REPORT = Var.string("availabilityGroupHealthReport");
    public static final Var<Boolean> RESTART_NEEDED = Var.bool("availabilityGroupRestartNeeded");
    public static final Var<Boolean> ONLINE = Var.bool("availabilityGroupOnline");
    public static final Var<String> ONLINE_REPORT = Var.string("availabilityGroupOnlineReport");
    /** "dba" when the DBA tested failover both ways, "runbook" when the runbook is to do it (form radio). */
    public static final Var<String> FAILOVER_TESTED_BY = Var.string("failoverTestedBy");

    private AvailabilityGroupVariables() {
    }
}
