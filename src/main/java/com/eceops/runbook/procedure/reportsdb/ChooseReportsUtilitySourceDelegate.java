package com.eceops.runbook.procedure.reportsdb;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Ece;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * post-7 in Install ECE HA: where the ReportsDB utility comes from. From ECE 12.5 it is the install media's; the
 * 12.0 base release's does not work, so there post-7 waits until after the first patch and uses the ES's copy.
 */
@Component("chooseReportsUtilitySourceDelegate")
class ChooseReportsUtilitySourceDelegate extends RunbookStep {

    ChooseReportsUtilitySourceDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        Ece ece = run.estate().ece();
        boolean deferred = !ece.reportsUtilityOnMedia();
        ReportsDbVariables.DEFERRED.set(execution, deferred);
        if (deferred) {
            ReportsDbVariables.DEFERRED_REASON.set(execution, "ECE " + ece.version() + ": the ReportsDB utility of"
                    + " the install media does not work. Post-7 runs after the first patch, with "
                    + ReportsDbVariables.SOURCE + " = the directory the ES was unzipped to.");
        } else {
            ReportsDbVariables.SOURCE.set(execution, ReportsDbPlan.mediaSource(run.estate()));
        }
    }
}
