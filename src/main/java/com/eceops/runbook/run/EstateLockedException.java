package com.eceops.runbook.run;

import com.eceops.runbook.security.RefusalStatus;

/** A run that would change an estate another run is changing: 409, naming the run that holds the estate. */
public class EstateLockedException extends RunRefusedException implements RefusalStatus {

    public EstateLockedException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
