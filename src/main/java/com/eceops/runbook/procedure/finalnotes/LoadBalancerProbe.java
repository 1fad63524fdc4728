package com.eceops.runbook.procedure.finalnotes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.eceops.runbook.technology.ece.LoginPage;
import com.eceops.runbook.estate.LoginMarkers;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.web.HttpAnswer;
import com.eceops.runbook.technology.web.WebEndpointOperations;

/**
 * final-5 from outside, through the ECE URL. Only the load balancer's persistence cookie counts (ECE sets its own
 * session cookie, which proves nothing about the load balancer):
 * <ul>
 * <li>one web server active: {@value #FRESH} requests without cookies, as new users, must all get the same
 * persistence cookie value, which names the backend;</li>
 * <li>stickiness: {@value #FOLLOW_UPS} more requests with the cookies sent back must keep that value;</li>
 * <li>every answer must be the login page itself, so that a "Service Unavailable" page with status 200 counts as
 * the failure it is.</li>
 * </ul>
 * Cookie values are compared here and never reported: BIG-IP's encode the backend's address and port.
 */
final class LoadBalancerProbe {

    static final int FRESH = 4;
    static final int FOLLOW_UPS = 4;

    private LoadBalancerProbe() {
    }

    static List<String> problems(WebEndpointOperations web, String url, String cookie, LoginMarkers markers) {
        List<String> problems = new ArrayList<>();
        try {
            Set<String> backends = new HashSet<>();
            Map<String, String> session = null;
            for (int request = 1; request <= FRESH; request++) {
                HttpAnswer answer = web.get(url, Map.of());
                checkPage(answer, "request " + request + " (no cookie)", markers, problems);
                String value = answer.setCookies().get(cookie);
                if (value == null) {
                    problems.add("request " + request + " (no cookie): the load balancer inserted no cookie " + cookie
                            + (answer.setCookies().isEmpty() ? "" : " (the answer set only " + answer.setCookies().keySet() + ")")
                            + "; configure cookie-insert persistence with that cookie name");
                    return problems;
                }
                backends.add(value);
                if (session == null) {
                    session = new LinkedHashMap<>(answer.setCookies());
                }
            }
            if (backends.size() > 1) {
                problems.add(FRESH + " new sessions were sent to " + backends.size()
                        + " different web servers: only one web server may be active in the pool");
            }
            String kept = session.get(cookie);
            for (int request = 1; request <= FOLLOW_UPS; request++) {
                HttpAnswer answer = web.get(url, Map.copyOf(session));
                checkPage(answer, "follow-up " + request, markers, problems);
                String reset = answer.setCookies().get(cookie);
                if (reset != null && !reset.equals(kept)) {
                    problems.add("follow-up " + request + " sent " + cookie + " back and got a different " + cookie
                            + ": the session was moved to another web server, stickiness does not hold");
                    break;
                }
                session.putAll(answer.setCookies());
            }
        } catch (OperationFailedException e) {
            problems.add(url + " could not be read: " + e.getMessage());
        }
        return problems;
    }

    private static void checkPage(HttpAnswer answer, String which, LoginMarkers markers, List<String> problems) {
        LoginPage page = new LoginPage(answer.url(), answer.status(), answer.body());
        if (!page.showsLogin(markers)) {
            problems.add(which + ": " + page.describe(markers));
        }
    }
}
