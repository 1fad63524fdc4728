package com.eceops.runbook.procedure.cluster;

import com.eceops.runbook.run.Var;

/** The process variables of the failover cluster section (pre-5); form field keys use the same names. */
public final class ClusterVariables {

    /** The validation report's summary: failures and warnings, one per line. */
    public static final Var<String> VALIDATION_REPORT = Var.string("clusterValidationReport");
    public static final Var<String> VALIDATION_FAILURES = Var.string("clusterValidationFailures");
    public static final Var<String> VALIDATION_WARNINGS = Var.string("clusterValidationWarnings");
    public static final Var<Boolean> WARNINGS_TO_REVIEW = Var.bool("validationWarningsToReview");
    /** Ticked by the operator who reviewed the warnings (form checkbox). */
    public static final Var<Boolean> WARNINGS_ACCEPTED = Var.bool("validationWarningsAccepted");
    public static final Var<Boolean> WITNESS_CONFIGURED = Var.bool("witnessConfigured");
    /** The UNC path of the quorum share, entered by the person who provisions it. */
    public static final Var<String> WITNESS_SHARE_PATH = Var.string("witnessSharePath");
    /** Why the entered share cannot be the witness; empty when it can. */
    public static final Var<String> WITNESS_SHARE_PROBLEM = Var.string("witnessShareProblem");
    public static final Var<Boolean> EVENTS_TO_REVIEW = Var.bool("clusterEventsToReview");
    public static final Var<String> UNEXPECTED_EVENTS = Var.string("unexpectedClusterEvents");

    static final String VALIDATION_FAILED = "ClusterValidationFailed";
    static final String WITNESS_SHARE_UNSUITABLE = "WitnessShareUnsuitable";

    private ClusterVariables() {
    }
}
