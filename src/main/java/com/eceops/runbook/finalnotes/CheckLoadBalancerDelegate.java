package com.eceops.runbook.finalnotes;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * final-5, after the network team's task: what the machine cannot see of the load balancer (one half of the web
 * servers active, cookie insert, a health check on content) the person confirms; what it can see through the
 * ECE URL it checks ({@link LoadBalancerProbe}).
 */
@Component("checkLoadBalancerDelegate")
class CheckLoadBalancerDelegate extends RunbookStep {

    CheckLoadBalancerDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        List<String> problems = new ArrayList<>();
        if (!CheckOutcome.ticked(execution, FinalNotesVariables.ONE_WEB_SERVER_ACTIVE)) {
            problems.add("confirm that only one of the two web servers is active in the pool");
        }
        if (!CheckOutcome.ticked(execution, FinalNotesVariables.COOKIE_INSERT_CONFIGURED)) {
            problems.add("confirm that persistence is cookie insert");
        }
        if (!CheckOutcome.ticked(execution, FinalNotesVariables.CONTENT_HEALTH_CHECK_CONFIGURED)) {
            problems.add("confirm that the health check looks at the page's content, not only the status code");
        }
        String loginUrl = FinalNotesUrls.loginUrl(run.estate().ece());
        problems.addAll(LoadBalancerProbe.problems(run.web(), loginUrl));
        CheckOutcome.of(execution, FinalNotesVariables.LOAD_BALANCER_VERIFIED, FinalNotesVariables.LOAD_BALANCER_CHECK_REPORT,
                problems, (LoadBalancerProbe.FOLLOW_UPS + 1) + " requests to " + loginUrl
                        + " showed the login page and kept their load balancer cookie");
    }
}
