package com.eceops.runbook.run;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A run that must not start: invalid estate, unknown mode, an unconfirmed live run. It is a bad request,
 * so the REST API answers 400 with this message, Tasklist shows it, and nothing is persisted.
 */
public class RunRefusedException extends BadUserRequestException {

    public RunRefusedException(String message) {
        super(message);
    }
}
