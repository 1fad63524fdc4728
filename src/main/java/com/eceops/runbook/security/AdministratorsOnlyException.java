package com.eceops.runbook.security;

import org.camunda.bpm.engine.AuthorizationException;

/** An engine operation that only an administrator may ask for: the REST API answers 403 with the reason. */
public class AdministratorsOnlyException extends AuthorizationException {

    AdministratorsOnlyException(String userId, String what) {
        super(userId + " may not " + what + ": only administrators may");
    }
}
