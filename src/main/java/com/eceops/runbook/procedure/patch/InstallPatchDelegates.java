package com.eceops.runbook.procedure.patch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.ece.PatchInstallStatus;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.run.RunVariables;

/**
 * patch-3 on one server ({@code host}): the readme's command started detached and polled by the model's
 * timer loop, and the version check after each install, whoever installed it.
 */
final class InstallPatchDelegates {

    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    private InstallPatchDelegates() {
    }

    /**
 * Starts the installer unless the server is at the patch already; {@code installState} says which. The file,
 * level and command are the approved ones, or nothing is sent.
 */
    @Component("startPatchInstallDelegate")
    static class StartPatchInstallDelegate extends RunbookStep {
        StartPatchInstallDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            ApprovedRequest.checkInWindow(execution);
            String host = host(execution);
            PatchRun patch = PatchRun.of(run.estate(), execution);
            RunVariables.POLL_COUNT.set(execution, 0);
            if (patch.patchLevel().equals(run.ece().readPatchLevel(host))) {
                PatchVariables.INSTALL_STATE.set(execution, SUCCEEDED);
                PatchVariables.INSTALL_REPORT.set(execution, host + " is at " + patch.patchLevel() + " already");
                return;
            }
            String folder = PatchStaging.on(patch.server(host), PatchVariables.PATCH_FILE.in(execution)).folder();
            run.ece().startPatchInstall(host, patch.patchLevel(), folder,
                    PatchVariables.PATCH_INSTALL_COMMAND.in(execution));
            PatchVariables.INSTALL_STATE.set(execution, RUNNING);
            PatchVariables.INSTALL_REPORT.set(execution, "installer started on " + host);
        }
    }

    /** One look at the detached installer; a failure is handed to the operators with its output tail. */
    @Component("pollPatchInstallDelegate")
    static class PollPatchInstallDelegate extends RunbookStep {
        PollPatchInstallDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            String host = host(execution);
            PatchInstallStatus status = run.ece().pollPatchInstall(host);
            RunVariables.countPoll(execution);
            String state = switch (status.state()) {
                case RUNNING -> RUNNING;
                case FINISHED -> status.succeeded() ? SUCCEEDED : FAILED;
                case NOT_STARTED -> FAILED;
            };
            PatchVariables.INSTALL_STATE.set(execution, state);
            PatchVariables.INSTALL_REPORT.set(execution, switch (state) {
                case RUNNING -> "the installer still runs on " + host;
                case SUCCEEDED -> "the installer ended on " + host + ": " + status.outputTail();
                default -> status.state() == PatchInstallStatus.State.NOT_STARTED ? "no installer runs on " + host
                        : "the installer failed on " + host + " (exit code " + status.exitCode() + "): " + status.outputTail();
            });
        }
    }

    /** Reads the level back: the install counts only when ECE itself reports the patch. */
    @Component("verifyPatchLevelDelegate")
    static class VerifyPatchLevelDelegate extends RunbookStep {
        VerifyPatchLevelDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            String host = host(execution);
            String wanted = PatchRun.of(run.estate(), execution).patchLevel();
            String level = run.ece().readPatchLevel(host);
            PatchVariables.PATCH_LEVEL_VERIFIED.set(execution, wanted.equals(level));
            PatchVariables.PATCH_LEVEL_REPORT.set(execution, wanted.equals(level) ? host + " is at " + level
                    : host + " is at " + level + ", not " + wanted + ": install the patch by its readme"
                    + " (the Cisco service must be stopped)");
        }
    }

    /** Rollback: reads the level back after the uninstall; it must be the one recorded when the window opened. */
    @Component("verifyLevelRestoredDelegate")
    static class VerifyLevelRestoredDelegate extends RunbookStep {
        VerifyLevelRestoredDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            String host = host(execution);
            String before = PatchRun.levels(PatchVariables.LEVELS_BEFORE_PATCH.from(execution).orElse(null)).get(host);
            String level = run.ece().readPatchLevel(host);
            boolean restored = level.equals(before);
            PatchVariables.LEVEL_RESTORED.set(execution, restored);
            PatchVariables.PATCH_LEVEL_REPORT.set(execution, restored ? host + " is back at " + level
                    : host + " is at " + level + ", it was at " + before + " before the window: uninstall "
                    + PatchVariables.PATCH_LEVEL.from(execution).orElse(null) + " by its readme");
        }
    }
}
