package com.eceops.runbook.procedure.finalnotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.eceops.runbook.technology.ece.LoginPage;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.web.HttpAnswer;
import com.eceops.runbook.technology.web.WebEndpointOperations;

/**
 * Looks at the partition's page on each web server directly: connecting to the server's address and sending the
 * ECE FQDN as SNI and Host header, as the load balancer will. Used before final-5, when the ECE FQDN's VIP does not
 * answer yet; after final-5 the same page is checked through the ECE URL.
 */
final class WebServerCheck {

    private WebServerCheck() {
    }

    /** One sentence per web server that does not show the login page; empty when all do. */
    static List<String> loginPageProblems(WebEndpointOperations web, Estate estate) {
        List<String> problems = new ArrayList<>();
        String url = FinalNotesUrls.partitionUrl(estate.ece());
        for (Server server : estate.webServers()) {
            String where = server.name() + " (" + server.ip() + ")";
            try {
                HttpAnswer answer = web.getFrom(server.ip(), url, Map.of());
                LoginPage page = new LoginPage(answer.url(), answer.status(), answer.body());
                if (!page.showsLogin(estate.ece().loginMarkers())) {
                    problems.add("on " + where + " " + page.describe(estate.ece().loginMarkers()));
                }
            } catch (OperationFailedException e) {
                problems.add(url + " on " + where + " could not be read: " + e.getMessage());
            }
        }
        return problems;
    }
}
