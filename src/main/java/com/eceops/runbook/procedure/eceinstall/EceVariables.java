package com.eceops.runbook.procedure.eceinstall;

import com.eceops.runbook.run.Var;

/** The process variables of the ECE installation (inst-*); form field keys and form templates use the same names. */
public final class EceVariables {

    /** The replica that was primary before installation (inst-1.1), kept for the ReportsDB utility (post-7). */
    public static final Var<String> PRIMARY_REPLICA = Var.string("primaryReplica");
    public static final Var<String> SECONDARY_REPLICA = Var.string("secondaryReplica");
    /** FQDN of the secondary replica as recorded at install time (post-7 writes it into the .properties). */
    public static final Var<String> SECONDARY_REPLICA_FQDN = Var.string("secondaryReplicaFqdn");
    /** True when the check after a setup run found what the run should have left. */
    public static final Var<Boolean> SETUP_VERIFIED = Var.bool("setupVerified");
    /** What the check after a setup run found missing; shown when the task comes back. */
    public static final Var<String> SETUP_CHECK_REPORT = Var.string("setupCheckReport");
    /** Ticked by the operator: setup ran to its end without errors. */
    public static final Var<Boolean> SETUP_FINISHED = Var.bool("setupFinished");

    /** Local to one web server's setup task: the values its form shows. */
    public static final Var<String> APPLICATION_SERVER_FQDN = Var.string("applicationServerFqdn");
    public static final Var<Integer> JETTY_PORT = Var.integer("jettyPort");
    public static final Var<String> WEB_SERVER_ECE_HOME = Var.string("webServerEceHome");

    private EceVariables() {
    }
}
