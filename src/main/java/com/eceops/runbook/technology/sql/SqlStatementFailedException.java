package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.OperationFailedException;
import java.util.List;

/**
 * A batch that SQL Server refused, timed out or that was cancelled. The message names the server, database,
 * procedure step, the statement's first line and SQL Server's own messages, masked of every known secret.
 */
public class SqlStatementFailedException extends OperationFailedException {

    private final transient List<ServerMessage> errors;

    SqlStatementFailedException(SqlContext context, String firstLine, String cause, List<ServerMessage> errors,
                                Throwable throwable) {
        super(context.server(), SecretMasker.mask("step " + context.procedureStep() + " in database "
                + context.database() + ": " + firstLine), SecretMasker.mask(cause), throwable == null ? null
                : new MaskedCause(throwable));
        this.errors = List.copyOf(errors);
    }

    public List<ServerMessage> errors() {
        return errors;
    }

    /** The driver's exception kept as a cause only by class and masked message: its own text could hold a secret. */
    static final class MaskedCause extends RuntimeException {
        MaskedCause(Throwable original) {
            super(original.getClass().getSimpleName() + ": " + SecretMasker.mask(original.getMessage()), null, false, false);
        }
    }
}
