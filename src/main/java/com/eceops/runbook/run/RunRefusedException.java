package com.eceops.runbook.run;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A run that must not start: invalid estate, unknown mode, an unconfirmed live run. It is a bad request:
 * the REST API answers 400 with this message, Tasklist shows it, and nothing is persisted.
 */
public class RunRefusedException extends BadUserRequestException {

    /** Starts every refusal's message, so that it reads as one wherever it is shown. */
    public static final String MARKER = "run refused: ";

    public RunRefusedException(String message) {
        super(MARKER + message);
    }
}
