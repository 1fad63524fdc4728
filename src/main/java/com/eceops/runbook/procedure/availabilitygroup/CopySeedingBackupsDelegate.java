package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-6.3 (initial synchronisation): copies AGTemp's full and log backups from the primary's backup directory to the
 * same directory on the secondary, as the document does. SQL Server restores as its service account, which is no
 * administrator on the primary and so cannot open its administrative share; the copy itself runs as the installing
 * account (the inventory's double-hop route). An identical copy is left alone; a copy already joined to the group needs
 * none. Verified by comparing the SHA-256 of both files.
 */
@Component("copySeedingBackupsDelegate")
class CopySeedingBackupsDelegate extends RunbookStep {

    CopySeedingBackupsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupPlan plan = AvailabilityGroupPlan.of(run.estate());
        boolean joined = Databases.find(run.sql().readDatabases(plan.secondary()), plan.seedingDatabase())
                .map(d -> d.inAvailabilityGroup()).orElse(false);
        if (joined) {
            return;
        }
        for (String file : plan.seedingBackups()) {
            run.windows().copyFile(plan.primary(), file, plan.secondary(), file);
            String original = run.windows().sha256(plan.primary(), file);
            if (!original.equalsIgnoreCase(run.windows().sha256(plan.secondary(), file))) {
                throw new OperationFailedException(plan.secondary(), "copy " + file,
                        "the copy's SHA-256 differs from the primary's " + original);
            }
        }
    }
}
