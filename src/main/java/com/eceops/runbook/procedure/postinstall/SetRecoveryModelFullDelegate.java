package com.eceops.runbook.procedure.postinstall;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.DatabaseFacts;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;

/** post-3.1: recovery model FULL for the three ECE databases on the primary; those already FULL are left alone. */
@Component("setRecoveryModelFullDelegate")
class SetRecoveryModelFullDelegate extends RunbookStep {

    SetRecoveryModelFullDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        for (String database : plan.databases()) {
            if (!isFull(run.sql().readDatabases(plan.primary()), database)) {
                run.sql().setRecoveryModel(plan.primary(), database, RecoveryModel.FULL);
            }
            if (!isFull(run.sql().readDatabases(plan.primary()), database)) {
                throw new OperationFailedException(plan.primary(), "set recovery model FULL", database + " is not in FULL recovery");
            }
        }
    }

    private static boolean isFull(List<DatabaseFacts> databases, String database) {
        return databases.stream().anyMatch(d -> d.name().equalsIgnoreCase(database) && d.recoveryModel() == RecoveryModel.FULL);
    }
}
