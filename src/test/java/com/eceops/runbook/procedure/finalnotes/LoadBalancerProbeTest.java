package com.eceops.runbook.procedure.finalnotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.estate.LoginMarkers;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.web.HttpAnswer;
import com.eceops.runbook.technology.web.ServedCertificate;
import com.eceops.runbook.technology.web.WebEndpointOperations;

/**
 * final-5 through the ECE URL against scripted answers: only the load balancer's cookie counts, new sessions all on
 * one backend, stickiness with the cookie sent back, content rather than status, and no cookie value in a report.
 */
class LoadBalancerProbeTest {

    private static final String URL = "https://ece.massivedynamic.com/default";
    private static final String COOKIE = "BIGipServerECE";
    private static final String LOGIN = "<html><title>Enterprise Chat and Email</title><form id=\"login\"><input type=\"password\"></form></html>";
    private static final String WEB_A = "2845837838.47873.0000";
    private static final String WEB_B = "2845837839.47873.0000";

    /** Answers in order and remembers the cookies each request sent. */
    private static final class Scripted implements WebEndpointOperations {
        final Deque<HttpAnswer> answers = new ArrayDeque<>();
        final List<Map<String, String>> sent = new ArrayList<>();

        Scripted answer(int status, String body, Map<String, String> cookies) {
            answers.add(new HttpAnswer(URL, status, body, cookies));
            return this;
        }

        Scripted fresh(String... backends) {
            for (String backend : backends) {
                answer(200, LOGIN, Map.of(COOKIE, backend, "JSESSIONID", "s-" + answers.size()));
            }
            return this;
        }

        Scripted followUps(int count) {
            for (int i = 0; i < count; i++) {
                answer(200, LOGIN, Map.of());
            }
            return this;
        }

        @Override
        public ServedCertificate readServedCertificate(String address, int port, String serverName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpAnswer get(String url, Map<String, String> cookies) {
            sent.add(cookies);
            if (answers.isEmpty()) {
                throw new OperationFailedException("ece.massivedynamic.com", "GET " + url, "connection reset");
            }
            return answers.poll();
        }

        @Override
        public HttpAnswer getFrom(String address, String url, Map<String, String> cookies) {
            throw new UnsupportedOperationException();
        }
    }

    private static List<String> probe(Scripted web) {
        return LoadBalancerProbe.problems(web, URL, COOKIE, LoginMarkers.DEFAULT);
    }

    @Test
    void newSessionsOnOneBackendAndTheCookieKeptWithTheLoginPageEveryTimePasses() {
        Scripted web = new Scripted().fresh(WEB_A, WEB_A, WEB_A, WEB_A).followUps(LoadBalancerProbe.FOLLOW_UPS);
        assertThat(probe(web)).isEmpty();
        assertThat(web.sent).hasSize(LoadBalancerProbe.FRESH + LoadBalancerProbe.FOLLOW_UPS);
        assertThat(web.sent.subList(0, LoadBalancerProbe.FRESH)).allSatisfy(cookies -> assertThat(cookies).isEmpty());
        assertThat(web.sent.subList(LoadBalancerProbe.FRESH, web.sent.size()))
                .allSatisfy(cookies -> assertThat(cookies).containsEntry(COOKIE, WEB_A));
    }

    @Test
    void eceOwnSessionCookieDoesNotPassForTheLoadBalancersCookie() {
        Scripted web = new Scripted().answer(200, LOGIN, Map.of("JSESSIONID", "s1"));
        assertThat(probe(web)).singleElement().asString().contains("inserted no cookie " + COOKIE, "[JSESSIONID]")
                .doesNotContain("s1");
    }

    @Test
    void newSessionsSpreadOverTwoBackendsMeanTwoActiveWebServersAndNoValueIsReported() {
        Scripted web = new Scripted().fresh(WEB_A, WEB_B, WEB_A, WEB_B).followUps(LoadBalancerProbe.FOLLOW_UPS);
        assertThat(probe(web)).singleElement().asString().contains("2 different web servers", "only one web server")
                .doesNotContain(WEB_A, WEB_B);
    }

    @Test
    void aNewCookieValueWithTheCookieSentBackMeansTheSessionMoved() {
        Scripted web = new Scripted().fresh(WEB_A, WEB_A, WEB_A, WEB_A).answer(200, LOGIN, Map.of(COOKIE, WEB_B))
                .followUps(LoadBalancerProbe.FOLLOW_UPS);
        assertThat(probe(web)).singleElement().asString().contains("follow-up 1", "stickiness does not hold")
                .doesNotContain(WEB_A, WEB_B);
    }

    @Test
    void aServiceUnavailablePageWithStatus200IsAFailureNotASuccess() {
        Scripted web = new Scripted().fresh(WEB_A, WEB_A, WEB_A, WEB_A)
                .answer(200, "<html><title>Enterprise Chat and Email</title>Service Unavailable <a href=\"/\">login</a></html>", Map.of())
                .followUps(LoadBalancerProbe.FOLLOW_UPS - 1);
        assertThat(probe(web)).singleElement().asString()
                .contains("follow-up 1", "answered 200", "Service Unavailable", "not the ECE login page");
    }

    @Test
    void aFailedRequestIsReportedAndEndsTheProbe() {
        Scripted web = new Scripted().fresh(WEB_A);
        assertThat(probe(web)).singleElement().asString().contains("could not be read", "connection reset");
    }
}
