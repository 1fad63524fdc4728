package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.DatabaseFacts;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;

/**
 * pre-6.2: the temporary database (AGTemp) on the primary, in FULL recovery, with a full backup in the backup
 * directory. Each operation finds what exists and changes nothing then; the result is read back.
 */
@Component("createSeedingDatabaseDelegate")
class CreateSeedingDatabaseDelegate extends RunbookStep {

    CreateSeedingDatabaseDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        var sql = run.sql();
        sql.createDatabase(plan.primary(), plan.seedingDatabase());
        sql.setRecoveryModel(plan.primary(), plan.seedingDatabase(), RecoveryModel.FULL);
        sql.backupDatabase(plan.primary(), plan.seedingDatabase(), plan.fullBackup(), true);
        DatabaseFacts db = Databases.find(sql.readDatabases(plan.primary()), plan.seedingDatabase())
                .orElseThrow(() -> new OperationFailedException(plan.primary(), "verify " + plan.seedingDatabase(), "not found"));
        if (db.recoveryModel() != RecoveryModel.FULL || db.lastFullBackup().isEmpty()) {
            throw new OperationFailedException(plan.primary(), "verify " + plan.seedingDatabase(),
                    "expected FULL recovery with a full backup, found " + db);
        }
    }
}
