package com.eceops.runbook.finalnotes;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.ece.LoginPage;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.web.HttpAnswer;

/**
 * final-2, after the operator's task: ECE keeps the partition's "Web Server URL or Load Balancer URL" in its UI
 * with no documented query, so the operator types the value set. It must be exactly https://&lt;ECE FQDN&gt;, and
 * that URL must serve the partition's login page.
 */
@Component("checkPartitionUrlDelegate")
class CheckPartitionUrlDelegate extends RunbookStep {

    CheckPartitionUrlDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        Object typed = execution.getVariable(FinalNotesVariables.PARTITION_URL);
        String fqdn = run.estate().ece().fqdn();
        List<String> problems = new java.util.ArrayList<>(PartitionUrlRule.problems(typed == null ? null : typed.toString(), fqdn));
        String loginUrl = FinalNotesUrls.loginUrl(run.estate().ece());
        if (problems.isEmpty()) {
            try {
                HttpAnswer answer = run.web().get(loginUrl, java.util.Map.of());
                LoginPage page = new LoginPage(loginUrl, answer.status(), answer.body());
                if (!page.showsLogin()) {
                    problems.add(page.describe());
                }
            } catch (OperationFailedException e) {
                problems.add(loginUrl + " could not be read: " + e.getMessage());
            }
        }
        CheckOutcome.of(execution, FinalNotesVariables.PARTITION_URL_VERIFIED, FinalNotesVariables.PARTITION_URL_CHECK_REPORT,
                problems, "The partition URL is https://" + fqdn + " and " + loginUrl + " shows the login page");
    }
}
