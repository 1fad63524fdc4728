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

    /**
     * A staging step on one server: the request is checked against the approved one first (or sent back to
     * approval), then the step works on the server's staged copy.
     */
    abstract static class StagingStep extends RunbookStep {
        StagingStep(RunOperations runs) {
            super(runs);
        }

        @Override
        protected final void perform(DelegateExecution execution, RunContext run) {
            ApprovedRequest.checkBeforeWindow(execution);
            stage(execution, run, host(execution), staging(execution, run));
        }

        protected abstract void stage(DelegateExecution execution, RunContext run, String host, PatchStaging staging);
    }

    /** Copies the patch from its share to the server; an identical copy already there changes nothing. */
    @Component("copyPatchDelegate")
    static class CopyPatchDelegate extends StagingStep {
        CopyPatchDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void stage(DelegateExecution execution, RunContext run, String host, PatchStaging staging) {
            run.windows().ensureDirectory(host, staging.directory());
            run.windows().copyFile(host, PatchVariables.PATCH_FILE.in(execution), host, staging.archive());
        }
    }

    /**
     * Compares the staged copy's SHA-256 with the registered one. A mismatch (a corrupt or wrong file) stops the
     * run with an incident naming the server and both values; after fixing the share, retry the copy.
     */
    @Component("verifyPatchChecksumDelegate")
    static class VerifyPatchChecksumDelegate extends StagingStep {
        VerifyPatchChecksumDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void stage(DelegateExecution execution, RunContext run, String host, PatchStaging staging) {
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
    static class ExpandPatchDelegate extends StagingStep {
        ExpandPatchDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void stage(DelegateExecution execution, RunContext run, String host, PatchStaging staging) {
            run.windows().expandArchive(host, staging.archive(), staging.folder());
        }
    }
}
