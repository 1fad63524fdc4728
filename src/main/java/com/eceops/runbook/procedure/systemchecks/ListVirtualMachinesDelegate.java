package com.eceops.runbook.procedure.systemchecks;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Server;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** sys-1: the four VMs of the inventory as a table for the operator who confirms they are deployed. */
@Component("listVirtualMachinesDelegate")
class ListVirtualMachinesDelegate extends RunbookStep {

    ListVirtualMachinesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        StringBuilder table = new StringBuilder("| VM | role | side | IP | disks |\n|---|---|---|---|---|\n");
        for (Server server : run.estate().allServers()) {
            table.append("| ").append(server.name()).append(" | ")
                    .append(server.collocated() ? "collocated server (4 vCPU, 20 GB reserved)" : "web server (2 vCPU, 2 GB)")
                    .append(" | ").append(server.side().toUpperCase()).append(" | ").append(server.ip()).append(" | ")
                    .append(server.drives().stream().map(d -> d.letter() + ": " + d.sizeGb() + " GB")
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        SystemCheckVariables.VIRTUAL_MACHINES.set(execution, table.toString());
    }
}
