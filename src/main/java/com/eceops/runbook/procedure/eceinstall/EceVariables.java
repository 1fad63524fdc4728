package com.eceops.runbook.procedure.eceinstall;

/** The process variables of the ECE installation (inst-*); form field keys and form templates use the same names. */
public final class EceVariables {

    /** The replica that was primary before installation (inst-1.1), kept for the ReportsDB utility (post-7). */
    public static final String PRIMARY_REPLICA = "primaryReplica";
    public static final String SECONDARY_REPLICA = "secondaryReplica";
    /** FQDN of the secondary replica as recorded at install time (post-7 writes it into the .properties). */
    public static final String SECONDARY_REPLICA_FQDN = "secondaryReplicaFqdn";
    /** True when the check after a setup run found what the run should have left. */
    public static final String SETUP_VERIFIED = "setupVerified";
    /** What the check after a setup run found missing; shown when the task comes back. */
    public static final String SETUP_CHECK_REPORT = "setupCheckReport";
    /** Ticked by the operator: setup ran to its end without errors. */
    public static final String SETUP_FINISHED = "setupFinished";

    private EceVariables() {
    }
}
