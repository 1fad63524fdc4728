package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;
import com.eceops.runbook.run.RunVariables;

/**
 * post-5: adds the three ECE databases to the availability group on the primary and joins the restored copies
 * on the secondary ("join only"). SSISDB is never added. Databases already in the group are left alone.
 */
@Component("joinEceDatabasesDelegate")
class JoinEceDatabasesDelegate extends RunbookStep {

    JoinEceDatabasesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        for (String database : plan.databases()) {
            if (!onReplica(run.sql().readAvailabilityGroup(plan.primary(), plan.group()), database, plan.primary())) {
                run.sql().addDatabaseToAvailabilityGroup(plan.primary(), plan.group(), database);
            }
            if (!onReplica(run.sql().readAvailabilityGroup(plan.secondary(), plan.group()), database, plan.secondary())) {
                run.sql().joinDatabaseToAvailabilityGroup(plan.secondary(), plan.group(), database);
            }
        }
        AvailabilityGroupState group = run.sql().readAvailabilityGroup(plan.primary(), plan.group());
        for (String database : plan.databases()) {
            if (!onReplica(group, database, plan.primary()) || !onReplica(group, database, plan.secondary())) {
                throw new OperationFailedException(plan.primary(), "join " + database, "not in " + plan.group() + " on both replicas");
            }
        }
        if (group.databases().stream().anyMatch(d -> "SSISDB".equalsIgnoreCase(d.database()))) {
            throw new OperationFailedException(plan.primary(), "check " + plan.group(), "SSISDB is in the availability group; remove it");
        }
        RunVariables.POLL_COUNT.set(execution, 0);
    }

    private static boolean onReplica(AvailabilityGroupState group, String database, String host) {
        return group.databases().stream().anyMatch(d -> d.database().equalsIgnoreCase(database) && d.host().equalsIgnoreCase(host)
                && !"NOT_JOINED".equalsIgnoreCase(d.synchronizationState()));
    }
}
