package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.run.RunVariables;

/** pre-6.1: restarts the SQL Server service so that AlwaysOn takes effect; the model then waits for it to answer. */
@Component("restartSqlServiceDelegate")
class RestartSqlServiceDelegate extends RunbookStep {

    RestartSqlServiceDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        run.sql().restartSqlService(host(execution));
        RunVariables.POLL_COUNT.set(execution, 0);
    }
}
