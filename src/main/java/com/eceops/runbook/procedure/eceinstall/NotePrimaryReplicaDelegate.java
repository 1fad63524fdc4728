package com.eceops.runbook.procedure.eceinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/**
 * inst-1.1: before installing, note which replica is primary (the document asks for it, and post-7 needs the
 * secondary's FQDN as it was at install time). Reads only; keeps the answer in process variables.
 */
@Component("notePrimaryReplicaDelegate")
class NotePrimaryReplicaDelegate extends RunbookStep {

    NotePrimaryReplicaDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String group = run.estate().availabilityGroup().name();
        String sideA = run.estate().sideA().collocated().name();
        AvailabilityGroupState state = run.sql().readAvailabilityGroup(sideA, group);
        String primary = state.primary();
        if (!state.exists() || primary == null) {
            throw new OperationFailedException(sideA, "note the primary replica", "availability group " + group
                    + " has no primary replica; finish preinstallation step 6 first");
        }
        String secondary = run.estate().collocatedServers().stream().map(s -> s.name())
                .filter(name -> !name.equalsIgnoreCase(primary)).findFirst().orElseThrow();
        EceVariables.PRIMARY_REPLICA.set(execution, primary);
        EceVariables.SECONDARY_REPLICA.set(execution, secondary);
        EceVariables.SECONDARY_REPLICA_FQDN.set(execution, run.estate().fqdn(secondary));
    }
}
