package com.eceops.runbook.technology.powershell;

import com.eceops.runbook.operations.OperationFailedException;

/** The watchdog killed a command that outlived its timeout: the command's effect is unknown, never a success. */
public class CommandTimedOutException extends OperationFailedException {

    public CommandTimedOutException(String host, String operation, String cause) {
        super(host, operation, cause);
    }
}
