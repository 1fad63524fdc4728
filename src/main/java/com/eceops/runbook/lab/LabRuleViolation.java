package com.eceops.runbook.lab;

import com.eceops.runbook.operations.OperationFailedException;

/** The lab refused an operation because the procedure's order or one of its traps forbids it. */
public class LabRuleViolation extends OperationFailedException {

    private final String rule;

    public LabRuleViolation(String host, String operation, String rule) {
        super(host, operation, rule);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
