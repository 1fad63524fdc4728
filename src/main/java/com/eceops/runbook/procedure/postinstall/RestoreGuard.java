package com.eceops.runbook.procedure.postinstall;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/** post-4: a RESTORE goes to the secondary replica only, never over the primary's databases. */
final class RestoreGuard {

    private RestoreGuard() {
    }

    static void notOnPrimary(AvailabilityGroupState group, String host) {
        if (!group.exists()) {
            throw new OperationFailedException(host, "RESTORE DATABASE", "availability group " + group.name()
                    + " does not exist; cannot tell the primary replica");
        }
        if (host.equalsIgnoreCase(group.primary())) {
            throw new OperationFailedException(host, "RESTORE DATABASE", host + " is the PRIMARY replica of " + group.name()
                    + "; restores go to the secondary only (post-4), never over the primary's databases");
        }
    }
}
