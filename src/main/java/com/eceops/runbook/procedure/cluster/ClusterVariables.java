package com.eceops.runbook.procedure.cluster;

/** The process variables of the failover cluster section (pre-5); form field keys use the same names. */
public final class ClusterVariables {

    /** The validation report's summary: failures and warnings, one per line. */
    public static final String VALIDATION_REPORT = "clusterValidationReport";
    public static final String VALIDATION_FAILURES = "clusterValidationFailures";
    public static final String VALIDATION_WARNINGS = "clusterValidationWarnings";
    public static final String WARNINGS_TO_REVIEW = "validationWarningsToReview";
    /** Ticked by the operator who reviewed the warnings (form checkbox). */
    public static final String WARNINGS_ACCEPTED = "validationWarningsAccepted";
    public static final String WITNESS_CONFIGURED = "witnessConfigured";
    /** The UNC path of the quorum share, entered by the person who provisions it. */
    public static final String WITNESS_SHARE_PATH = "witnessSharePath";
    /** Why the entered share cannot be the witness; empty when it can. */
    public static final String WITNESS_SHARE_PROBLEM = "witnessShareProblem";
    public static final String EVENTS_TO_REVIEW = "clusterEventsToReview";
    public static final String UNEXPECTED_EVENTS = "unexpectedClusterEvents";

    static final String VALIDATION_FAILED = "ClusterValidationFailed";
    static final String WITNESS_SHARE_UNSUITABLE = "WitnessShareUnsuitable";

    private ClusterVariables() {
    }
}
