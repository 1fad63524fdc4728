package com.eceops.runbook.finalnotes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.eceops.runbook.ece.LoginPage;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.web.HttpAnswer;
import com.eceops.runbook.web.WebEndpointOperations;

/**
 * final-5 from outside, through the ECE URL, as a browser session would go: the first answer must insert a
 * cookie (cookie-insert stickiness), and with the cookies sent back every later answer must keep them (a load
 * balancer that moves the session hands out a new value). Every answer must be the login page itself, so that a
 * "Service Unavailable" page with status 200 counts as the failure it is.
 */
final class LoadBalancerProbe {

    /** Requests after the first, with the cookies sent back. */
    static final int FOLLOW_UPS = 4;

    private LoadBalancerProbe() {
    }

    static List<String> problems(WebEndpointOperations web, String loginUrl) {
        List<String> problems = new ArrayList<>();
        Map<String, String> cookies = new LinkedHashMap<>();
        try {
            HttpAnswer first = web.get(loginUrl, Map.of());
            checkPage(first, 1, problems);
            if (first.setCookies().isEmpty()) {
                problems.add("the load balancer inserted no cookie on the first answer: configure cookie-insert stickiness");
                return problems;
            }
            cookies.putAll(first.setCookies());
            for (int request = 2; request <= FOLLOW_UPS + 1; request++) {
                HttpAnswer next = web.get(loginUrl, Map.copyOf(cookies));
                checkPage(next, request, problems);
                for (var cookie : next.setCookies().entrySet()) {
                    String sent = cookies.get(cookie.getKey());
                    if (sent != null && !sent.equals(cookie.getValue())) {
                        problems.add("request " + request + " sent cookie " + cookie.getKey() + "=" + sent + " and got "
                                + cookie.getValue() + " back: the session was moved, stickiness does not hold");
                    }
                    cookies.put(cookie.getKey(), cookie.getValue());
                }
            }
        } catch (OperationFailedException e) {
            problems.add(loginUrl + " could not be read: " + e.getMessage());
        }
        return problems;
    }

    private static void checkPage(HttpAnswer answer, int request, List<String> problems) {
        LoginPage page = new LoginPage(answer.url(), answer.status(), answer.body());
        if (!page.showsLogin()) {
            problems.add("request " + request + ": " + page.describe());
        }
    }
}
