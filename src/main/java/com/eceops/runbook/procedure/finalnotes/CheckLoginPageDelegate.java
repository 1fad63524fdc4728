package com.eceops.runbook.procedure.finalnotes;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.procedure.postinstall.CiscoServiceWait;

/**
 * One check of the wait for ECE: does the partition's login page show on every web server? Asked of each web
 * server directly (the load balancer is configured only at final-5). While ECE starts (up to 15 minutes, the
 * estate's {@code patchStepEstimates.startServices}, by the servers' clock since the start) a server may not answer
 * or show "Service Unavailable"; that is "not yet", not a failure.
 */
@Component("checkLoginPageDelegate")
class CheckLoginPageDelegate extends RunbookStep {

    CheckLoginPageDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        List<String> problems = WebServerCheck.loginPageProblems(run.web(), run.estate());
        CiscoServiceWait.lookedTooLong(execution, run, problems.isEmpty(), run.estate().patchStepEstimates().startServices());
        FinalNotesVariables.LOGIN_PAGE_SHOWN.set(execution, problems.isEmpty());
        FinalNotesVariables.LOGIN_PAGE_REPORT.set(execution, problems.isEmpty()
                ? FinalNotesUrls.partitionUrl(run.estate().ece()) + " shows the login page on every web server"
                : String.join("; ", problems));
    }
}
