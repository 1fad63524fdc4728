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
 * final-5, after the network team's task, and the first look through the ECE URL (before, the VIP answered
 * nothing): what the machine cannot see of the load balancer (a health check on content) the person confirms; the
 * certificate served through the ECE URL is judged as on the web servers at final-1, and the persistence cookie
 * (the inventory's {@code loadBalancer.persistenceCookie}, or the name the person gives) is probed by
 * {@link LoadBalancerProbe}.
 */
@Component("checkLoadBalancerDelegate")
class CheckLoadBalancerDelegate extends RunbookStep {

    private static final String COOKIE_NAME = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    CheckLoadBalancerDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        Ece ece = run.estate().ece();
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
        String cookie = cookieName(execution, run, problems);
        CertificateOnEndpoint certificate = CertificateOnEndpoint.read(run.web(), "the ECE URL " + ece.siteUrl(), ece.fqdn(), ece);
        if (!certificate.passed()) {
            problems.add(certificate.problem());
        }
        String url = FinalNotesUrls.partitionUrl(ece);
        if (cookie != null && certificate.passed()) {
            problems.addAll(LoadBalancerProbe.problems(run.web(), url, cookie, ece.loginMarkers()));
        }
        CheckOutcome.of(execution, FinalNotesVariables.LOAD_BALANCER_VERIFIED, FinalNotesVariables.LOAD_BALANCER_CHECK_REPORT,
                problems, "Through the ECE URL: the certificate is good; " + (LoadBalancerProbe.FRESH + LoadBalancerProbe.FOLLOW_UPS)
                        + " requests to " + url + " showed the login page, new sessions all went to one web server by cookie "
                        + cookie + ", and sessions sending it back stayed there");
    }

    /** The inventory's cookie name wins; without one the person's, which must be a cookie name. */
    private static String cookieName(DelegateExecution execution, RunContext run, List<String> problems) {
        String configured = run.estate().loadBalancer().persistenceCookie();
        if (configured != null) {
            return configured;
        }
        String name = FinalNotesVariables.PERSISTENCE_COOKIE.orElse(execution, "").strip();
        if (name.isEmpty()) {
            problems.add("name the cookie the load balancer inserts for persistence (or set loadBalancer.persistenceCookie in the inventory)");
            return null;
        }
        if (!name.matches(COOKIE_NAME)) {
            problems.add("'" + name + "' is not a cookie name");
            return null;
        }
        return name;
    }
}
