package com.eceops.runbook.procedure.patchdatabases;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;
import com.eceops.runbook.technology.sql.DatabaseFacts;

/**
 * Rollback step 2: the three ECE databases leave the availability group: REMOVE DATABASE on the primary (which
 * takes the secondary copies out too), then SET HADR OFF for a secondary copy that still counts itself joined
 * (a secondary that did not hear it). A database already out of the group is left alone, so a retry changes
 * nothing; a second rollback (a new instance) takes the databases out again, as it must.
 */
@Component("removeEceDatabasesFromGroupDelegate")
class RemoveEceDatabasesFromGroupDelegate extends RunbookStep {

    RemoveEceDatabasesFromGroupDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        RollbackPlan plan = RollbackPlan.of(execution, run);
        for (String database : plan.databases()) {
            if (RestoresDone.contains(execution, database)) {
                continue;
            }
            if (inGroup(run.sql().readAvailabilityGroup(plan.primary(), plan.group()), database)) {
                run.sql().removeDatabaseFromAvailabilityGroup(plan.primary(), plan.group(), database);
            }
            if (joined(run.sql().readDatabases(plan.secondary()), database)) {
                run.sql().leaveAvailabilityGroup(plan.secondary(), database);
            }
        }
        AvailabilityGroupState group = run.sql().readAvailabilityGroup(plan.primary(), plan.group());
        List<DatabaseFacts> onSecondary = run.sql().readDatabases(plan.secondary());
        for (String database : plan.databases()) {
            if (!RestoresDone.contains(execution, database) && (inGroup(group, database) || joined(onSecondary, database))) {
                throw new OperationFailedException(plan.primary(), "remove " + database + " from " + plan.group(),
                        database + " is still in the group");
            }
        }
    }

    private static boolean inGroup(AvailabilityGroupState group, String database) {
        return group.databases().stream().anyMatch(d -> d.database().equalsIgnoreCase(database));
    }

    private static boolean joined(List<DatabaseFacts> databases, String database) {
        return databases.stream().anyMatch(d -> d.name().equalsIgnoreCase(database) && d.inAvailabilityGroup());
    }
}
