package com.eceops.runbook.procedure.windows;

import com.eceops.runbook.technology.windows.WindowsOperations;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;

/** What the pre-3 steps share: domain account names and the verification of an idempotent setter. */
final class DirectorySteps {

    private DirectorySteps() {
    }

    /** {@code MASSIVE\ECESvc}: how ACLs and shares name a domain account. */
    static String domainAccount(Estate estate, String account) {
        return estate.domain().netbios() + "\\" + account;
    }

    static void ensureDirectory(RunContext run, String host, String path) {
        run.windows().ensureDirectory(host, path);
        verifyUnchanged(host, "verify directory " + path, run.windows().ensureDirectory(host, path));
    }

    /**
     * WindowsOperations has no read of directories and shares: the verification asks the idempotent setter
     * again, which must now find the desired state and change nothing.
     */
    static void verifyUnchanged(String host, String what, Change second) {
        if (second.changed()) {
            throw new OperationFailedException(host, what, "still not in place after the change: " + second.after());
        }
    }
}
