package com.eceops.runbook.procedure.dfs;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-4.4: the document leaves the staging folder quota "to be updated"; the runbook sets the inventory's
 * {@code dfs.stagingQuotaMb} on both members where it differs, and reads it back.
 */
@Component("setStagingQuotaDelegate")
class SetStagingQuotaDelegate extends RunbookStep {

    SetStagingQuotaDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        DfsPlan plan = DfsPlan.of(run.estate());
        for (String member : plan.members()) {
            Integer quota = run.dfs().readReplicationGroup(plan.sideA(), plan.group()).stagingQuotaMbByMember()
                    .get(member.toUpperCase(Locale.ROOT));
            if (quota == null || quota != plan.stagingQuotaMb()) {
                run.dfs().setStagingQuota(plan.sideA(), plan.group(), member, plan.stagingQuotaMb());
            }
            Integer after = run.dfs().readReplicationGroup(plan.sideA(), plan.group()).stagingQuotaMbByMember()
                    .get(member.toUpperCase(Locale.ROOT));
            if (after == null || after != plan.stagingQuotaMb()) {
                throw new OperationFailedException(plan.sideA(), "verify the staging quota", member + " has " + after + " MB");
            }
        }
    }
}
