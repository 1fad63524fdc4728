package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.OperationFailedException;

/** A destructive statement the runbook refused to send, after reading where the server stands. */
public class SqlGuardRefusedException extends OperationFailedException {

    SqlGuardRefusedException(String host, String operation, String reason) {
        super(host, SecretMasker.mask(operation), SecretMasker.mask("refused: " + reason));
    }
}
