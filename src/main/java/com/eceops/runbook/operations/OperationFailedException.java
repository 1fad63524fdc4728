package com.eceops.runbook.operations;

/**
 * A technical failure of an operation on a server: the host did not answer, a command failed, an answer
 * could not be read. Its message names the host, the operation and the cause, because Cockpit shows it as
 * the incident message. Expected business outcomes are never this exception: delegates turn them into
 * BPMN errors.
 */
public class OperationFailedException extends RuntimeException {

    private final String host;
    private final String operation;
    private final String reason;

    public OperationFailedException(String host, String operation, String cause) {
        super(host + ": " + operation + " failed: " + cause);
        this.host = host;
        this.operation = operation;
        this.reason = cause;
    }

    public OperationFailedException(String host, String operation, String cause, Throwable throwable) {
        super(host + ": " + operation + " failed: " + cause, throwable);
        this.host = host;
        this.operation = operation;
        this.reason = cause;
    }

    /** Why it failed, without the host and operation the message starts with. */
    public String reason() {
        return reason;
    }

    public String host() {
        return host;
    }

    public String operation() {
        return operation;
    }
}
