package com.eceops.runbook.security;

/**
 * A refusal that knows its HTTP status. The REST layer answers with it and one line of reason, and logs no
 * stack trace: a refusal is the caller's mistake, not the server's.
 */
public interface RefusalStatus {

    int httpStatus();
}
