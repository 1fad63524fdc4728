package com.eceops.runbook.security;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A form completion or a start whose values break the deployed form's rules: 400, each problem names the field
 * and the rule in plain words, and nothing is kept (the task stays open, no instance is created).
 */
public class InvalidSubmissionException extends BadUserRequestException implements RefusalStatus {

    private final int status;

    InvalidSubmissionException(String formName, List<String> problems, int status) {
        super(formName + ": " + String.join("; ", problems));
        this.status = status;
    }

    @Override
    public int httpStatus() {
        return status;
    }
}
