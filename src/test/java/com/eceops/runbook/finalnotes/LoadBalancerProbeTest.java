package com.eceops.runbook.finalnotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.web.HttpAnswer;
import com.eceops.runbook.web.ServedCertificate;
import com.eceops.runbook.web.WebEndpointOperations;

/** final-5 through the ECE URL against scripted answers: stickiness by cookie, and content rather than status. */
class LoadBalancerProbeTest {

    private static final String URL = "https://ece.massivedynamic.com/ece/default/";
    private static final String LOGIN = "<html><title>Enterprise Chat and Email</title><form id=\"login\"></form></html>";

    /** Answers in order and remembers the cookies each request sent. */
    private static final class Scripted implements WebEndpointOperations {
        final Deque<HttpAnswer> answers = new ArrayDeque<>();
        final List<Map<String, String>> sent = new ArrayList<>();

        Scripted answer(int status, String body, Map<String, String> cookies) {
            answers.add(new HttpAnswer(URL, status, body, cookies));
            return this;
        }

        @Override
        public ServedCertificate readServedCertificate(String host, int port) {
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
    }

    private static Scripted loginEveryTime(Map<String, String> first) {
        Scripted web = new Scripted().answer(200, LOGIN, first);
        for (int i = 0; i < LoadBalancerProbe.FOLLOW_UPS; i++) {
            web.answer(200, LOGIN, Map.of());
        }
        return web;
    }

    @Test
    void aCookieInsertedOnceAndKeptWithTheLoginPageEveryTimePasses() {
        Scripted web = loginEveryTime(Map.of("ECELB", "web-a"));
        assertThat(LoadBalancerProbe.problems(web, URL)).isEmpty();
        assertThat(web.sent).hasSize(LoadBalancerProbe.FOLLOW_UPS + 1);
        assertThat(web.sent.get(0)).isEmpty();
        assertThat(web.sent.subList(1, web.sent.size())).allSatisfy(cookies -> assertThat(cookies).containsEntry("ECELB", "web-a"));
    }

    @Test
    void noCookieOnTheFirstAnswerMeansNoCookieInsert() {
        assertThat(LoadBalancerProbe.problems(loginEveryTime(Map.of()), URL)).singleElement().asString().contains("inserted no cookie");
    }

    @Test
    void aNewCookieValueWithTheCookieSentBackMeansTheSessionMoved() {
        Scripted web = new Scripted().answer(200, LOGIN, Map.of("ECELB", "web-a")).answer(200, LOGIN, Map.of("ECELB", "web-b"));
        for (int i = 1; i < LoadBalancerProbe.FOLLOW_UPS; i++) {
            web.answer(200, LOGIN, Map.of());
        }
        assertThat(LoadBalancerProbe.problems(web, URL)).singleElement().asString()
                .contains("request 2", "ECELB=web-a", "web-b", "stickiness does not hold");
    }

    @Test
    void aServiceUnavailablePageWithStatus200IsAFailureNotASuccess() {
        Scripted web = new Scripted().answer(200, LOGIN, Map.of("ECELB", "web-b"))
                .answer(200, "<html><title>Enterprise Chat and Email</title>Service Unavailable</html>", Map.of());
        for (int i = 1; i < LoadBalancerProbe.FOLLOW_UPS; i++) {
            web.answer(200, LOGIN, Map.of());
        }
        assertThat(LoadBalancerProbe.problems(web, URL)).singleElement().asString()
                .contains("request 2", "answered 200", "Service Unavailable", "not the ECE login page");
    }

    @Test
    void aFailedRequestIsReportedAndEndsTheProbe() {
        Scripted web = new Scripted().answer(200, LOGIN, Map.of("ECELB", "web-a"));
        assertThat(LoadBalancerProbe.problems(web, URL)).singleElement().asString().contains("could not be read", "connection reset");
    }
}
