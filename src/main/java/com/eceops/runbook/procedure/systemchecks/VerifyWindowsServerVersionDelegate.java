package com.eceops.runbook.procedure.systemchecks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Server;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.windows.HostFacts;

/** sys-2: Windows Server 2016 on all four servers; each other OS is reported for the operators to fix. */
@Component("verifyWindowsServerVersionDelegate")
class VerifyWindowsServerVersionDelegate extends RunbookStep {

    VerifyWindowsServerVersionDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        StringBuilder problems = new StringBuilder();
        for (Server server : run.estate().allServers()) {
            HostFacts facts = run.windows().readHostFacts(server.name());
            if (!facts.isWindowsServer2016()) {
                problems.append("- ").append(server.name()).append(" runs ").append(facts.osCaption())
                        .append(" (").append(facts.osVersion()).append("); ECE 12.5 needs Windows Server 2016 (10.0.14393)\n");
            }
        }
        SystemCheckVariables.OPERATING_SYSTEM_PROBLEMS.set(execution, problems.toString());
    }
}
