package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunVariables;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-6.1: one look at a restarting SQL Server; the BPMN loop around it waits, counts and escalates. */
@Component("checkSqlServerAnswersDelegate")
class CheckSqlServerAnswersDelegate extends RunbookStep {

    CheckSqlServerAnswersDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        AvailabilityGroupVariables.SQL_SERVER_ANSWERS.set(execution, run.sql().isAnswering(host(execution)));
        RunVariables.countPoll(execution);
    }
}
