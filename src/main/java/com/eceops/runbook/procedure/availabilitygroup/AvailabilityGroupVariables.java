package com.eceops.runbook.procedure.availabilitygroup;

/** The process variables of the availability group section (pre-6); form field keys use the same names. */
public final class AvailabilityGroupVariables {

    public static final String SQL_RESTART_NEEDED = "sqlRestartNeeded";
    public static final String SQL_SERVER_ANSWERS = "sqlServerAnswers";
    public static final String POLL_COUNT = "pollCount";
    public static final String HEALTHY = "availabilityGroupHealthy";
    /** What the last health check saw, for the DBAs' investigation task. */
    public static final String HEALTH_REPORT = "availabilityGroupHealthReport";
    public static final String RESTART_NEEDED = "availabilityGroupRestartNeeded";
    public static final String ONLINE = "availabilityGroupOnline";
    public static final String ONLINE_REPORT = "availabilityGroupOnlineReport";
    /** "dba" when the DBA tested failover both ways, "runbook" when the runbook is to do it (form radio). */
    public static final String FAILOVER_TESTED_BY = "failoverTestedBy";

    private AvailabilityGroupVariables() {
    }
}
