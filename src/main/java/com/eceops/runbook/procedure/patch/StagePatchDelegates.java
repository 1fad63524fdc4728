package com.eceops.runbook.procedure.patch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.run.RunVariables;

/**
 * patch-1.1 on one server ({@code host}): copy the patch, verify its checksum, unzip it; each step first checks
 * that the request is still the one approved, or sends it back to approval.
 */
final class StagePatchDelegates {

    private StagePatchDelegates() {
    }

    static PatchStaging staging(DelegateExecution execution, RunContext run) {
        String host = RunVariables.HOST.in(execution);
        return PatchStaging.on(run.estate().server(host).orElseThrow(
                () -> new IllegalStateException("no server " + host + " in the estate")),
                PatchVariables.PATCH_FILE.in(execution));
    }

    /** Copies the patch from its share to the server; an identical copy already there changes nothing. */
    @Component("copyPatchDelegate")
    static class CopyPatchDelegate extends RunbookStep {
        CopyPatchDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            ApprovedRequest.checkBeforeWindow(execution);
            String host = host(execution);
            PatchStaging staging = staging(execution, run);
            run.windows().ensureDirectory(host, staging.directory());
            run.windows().copyFile(host, PatchVariables.PATCH_FILE.in(execution), host,
                    staging.archive());
        }
    }

    /**
     * Compares the staged copy's SHA-256 with the registered one. A mismatch (a corrupt or wrong file) stops the
     * run with an incident naming the server and both values; after fixing the share, retry the copy.
     */
    @Component("verifyPatchChecksumDelegate")
    static class VerifyPatchChecksumDelegate extends RunbookStep {
        VerifyPatchChecksumDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            ApprovedRequest.checkBeforeWindow(execution);
            String host = host(execution);
            PatchStaging staging = staging(execution, run);
            String expected = PatchVariables.PATCH_CHECKSUM.in(execution);
            String actual = run.windows().sha256(host, staging.archive());
            if (!expected.equals(actual)) {
                String problem = host + ": " + staging.archive() + " has SHA-256 " + actual + ", the patch was"
                        + " registered with " + expected;
                throw new IllegalStateException("patch-1.1 checksum mismatch: " + problem);
            }
        }
    }

    @Component("expandPatchDelegate")
    static class ExpandPatchDelegate extends RunbookStep {
        ExpandPatchDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            ApprovedRequest.checkBeforeWindow(execution);
            PatchStaging staging = staging(execution, run);
            run.windows().expandArchive(host(execution), staging.archive(), staging.folder());
        }
    }
}
