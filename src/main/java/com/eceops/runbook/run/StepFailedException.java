package com.eceops.runbook.run;

import com.eceops.runbook.operations.OperationFailedException;

/**
 * A technical failure of a step, worded for the Cockpit incident: the procedure step and activity first,
 * then the host, the operation and the cause from the operation itself.
 */
public class StepFailedException extends RuntimeException {

    public StepFailedException(String procedureStep, String activityName, OperationFailedException cause) {
        super(procedureStep + " \"" + activityName + "\": " + cause.getMessage(), cause);
    }
}
