package com.eceops.runbook.finalnotes;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.ece.LoginPage;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.web.HttpAnswer;

/**
 * One check of the wait for ECE: does the partition's login page show through the ECE URL? While ECE starts
 * (up to 15 minutes) the URL may not answer or show "Service Unavailable"; that is "not yet", not a failure.
 */
@Component("checkLoginPageDelegate")
class CheckLoginPageDelegate extends RunbookStep {

    CheckLoginPageDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String url = FinalNotesUrls.loginUrl(run.estate().ece());
        LoginPage page;
        try {
            HttpAnswer answer = run.web().get(url, Map.of());
            page = new LoginPage(url, answer.status(), answer.body());
        } catch (OperationFailedException e) {
            page = new LoginPage(url, 0, e.getMessage());
        }
        Object count = execution.getVariable(FinalNotesVariables.POLL_COUNT);
        execution.setVariable(FinalNotesVariables.POLL_COUNT, (count instanceof Number n ? n.intValue() : 0) + 1);
        execution.setVariable(FinalNotesVariables.LOGIN_PAGE_SHOWN, page.showsLogin());
        execution.setVariable(FinalNotesVariables.LOGIN_PAGE_REPORT, page.describe());
    }
}
