package com.eceops.runbook.procedure.finalnotes;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Ece;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * final-2, after the operator's task: ECE keeps the partition's "Web Server URL or Load Balancer URL" in its UI
 * with no documented query, so the operator types the value set. It must be exactly https://&lt;ECE FQDN&gt; (with the site's port when not 443), and
 * the partition's URL must show the login page on every web server (asked directly: the load balancer comes at
 * final-5, whose check looks through the ECE URL).
 */
@Component("checkPartitionUrlDelegate")
class CheckPartitionUrlDelegate extends RunbookStep {

    CheckPartitionUrlDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String typed = FinalNotesVariables.PARTITION_URL.from(execution).orElse(null);
        Ece ece = run.estate().ece();
        List<String> problems = new ArrayList<>(PartitionUrlRule.problems(typed, ece.fqdn(), ece.httpsPort()));
        if (problems.isEmpty()) {
            problems.addAll(WebServerCheck.loginPageProblems(run.web(), run.estate()));
        }
        CheckOutcome.of(execution, FinalNotesVariables.PARTITION_URL_VERIFIED, FinalNotesVariables.PARTITION_URL_CHECK_REPORT,
                problems, "The partition URL is " + ece.siteUrl() + " and " + FinalNotesUrls.partitionUrl(run.estate().ece())
                        + " shows the login page on every web server");
    }
}
