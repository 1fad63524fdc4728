package com.eceops.runbook.procedure.systemchecks;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Drive;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.windows.HostFacts;

/**
 * sys-3: the inventory's data drives (E: and F:) formatted on both collocated servers, each at least the size the
 * inventory gives. Each missing or smaller drive is reported for the operators to fix.
 */
@Component("verifyDataDrivesDelegate")
class VerifyDataDrivesDelegate extends RunbookStep {

    VerifyDataDrivesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        StringBuilder problems = new StringBuilder();
        for (Server server : run.estate().collocatedServers()) {
            HostFacts facts = run.windows().readHostFacts(server.name());
            for (Drive drive : server.drives()) {
                if (Character.toUpperCase(drive.letter()) == 'C') {
                    continue;
                }
                Optional<HostFacts.DriveFacts> found = facts.drives().stream()
                        .filter(d -> Character.toUpperCase(d.letter()) == Character.toUpperCase(drive.letter())).findFirst();
                if (found.isEmpty()) {
                    problems.append("- ").append(server.name()).append(": drive ").append(drive.letter())
                            .append(": is missing; format a ").append(drive.sizeGb()).append(" GB disk as ")
                            .append(drive.letter()).append(":\n");
                } else if (found.get().sizeGb() < drive.sizeGb()) {
                    problems.append("- ").append(server.name()).append(": drive ").append(drive.letter()).append(": has ")
                            .append(found.get().sizeGb()).append(" GB; the inventory needs ").append(drive.sizeGb())
                            .append(" GB\n");
                }
            }
        }
        SystemCheckVariables.DRIVE_PROBLEMS.set(execution, problems.toString());
    }
}
