package com.eceops.runbook.procedure.patch;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Server;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;
import com.eceops.runbook.technology.windows.HostFacts;

/**
 * The preflight before a patch window: every server answers, the availability group is healthy on both replicas,
 * and the backup drive of each collocated server has room for the pre-patch backups. Each check adds its findings
 * to {@code preflightProblems}; the model's gateway reads {@code preflightPassed}.
 */
final class PreflightDelegates {

    static final long DEFAULT_BACKUP_SPACE_GB = 20;

    private PreflightDelegates() {
    }

    static void report(DelegateExecution execution, List<String> findings) {
        List<String> all = new ArrayList<>(PatchVariables.PREFLIGHT_PROBLEMS.orElse(execution, List.of()));
        all.addAll(findings);
        PatchVariables.PREFLIGHT_PROBLEMS.set(execution, all);
        PatchVariables.PREFLIGHT_PASSED.set(execution, all.isEmpty());
    }

    /** The first check starts a fresh list. */
    @Component("checkServersReachableDelegate")
    static class CheckServersReachableDelegate extends RunbookStep {
        CheckServersReachableDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            PatchVariables.PREFLIGHT_PROBLEMS.set(execution, new ArrayList<String>());
            List<String> findings = new ArrayList<>();
            for (Server server : run.estate().allServers()) {
                if (!run.windows().isReachable(server.name())) {
                    findings.add(server.name() + " does not answer remote commands");
                }
            }
            report(execution, findings);
        }
    }

    @Component("checkAvailabilityGroupBeforePatchDelegate")
    static class CheckAvailabilityGroupBeforePatchDelegate extends RunbookStep {
        CheckAvailabilityGroupBeforePatchDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            String group = run.estate().availabilityGroup().name();
            List<String> findings = new ArrayList<>();
            for (Server server : run.estate().collocatedServers()) {
                if (!run.windows().isReachable(server.name())) {
                    continue;
                }
                AvailabilityGroupState state = run.sql().readAvailabilityGroup(server.name(), group);
                if (!state.healthy()) {
                    findings.add("availability group " + group + " is not healthy on " + server.name()
                            + (state.exists() ? ": " + state.replicas() + " " + state.databases() : ": it does not exist"));
                }
            }
            report(execution, findings);
        }
    }

    @Component("checkBackupSpaceDelegate")
    static class CheckBackupSpaceDelegate extends RunbookStep {
        CheckBackupSpaceDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            long needed = PatchVariables.BACKUP_SPACE_GB.orElse(execution, DEFAULT_BACKUP_SPACE_GB);
            char drive = Character.toUpperCase(run.estate().paths().sqlBackups().charAt(0));
            List<String> findings = new ArrayList<>();
            for (Server server : run.estate().collocatedServers()) {
                if (!run.windows().isReachable(server.name())) {
                    continue;
                }
                HostFacts facts = run.windows().readHostFacts(server.name());
                long free = facts.drives().stream().filter(d -> Character.toUpperCase(d.letter()) == drive)
                        .mapToLong(HostFacts.DriveFacts::freeGb).findFirst().orElse(0);
                if (free < needed) {
                    findings.add(server.name() + " has " + free + " GB free on " + drive + ": for the backups, "
                            + needed + " GB are needed");
                }
            }
            report(execution, findings);
        }
    }
}
