package com.eceops.runbook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.operations.OperationFailedException;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The real web endpoint operations against an in-process HTTPS server (the JDK's HttpsServer) with a certificate
 * made in the test: the certificate as presented, trusted or not, and GETs with cookies set and sent back.
 */
class HttpWebEndpointOperationsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private HttpsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A site that sets a cookie when none comes and shows the cookies it got, as a load balancer with cookie insert would. */
    private int serve(TestCertificates site) throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(site.serverContext));
        server.createContext("/", exchange -> {
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            if (cookie == null) {
                exchange.getResponseHeaders().add("Set-Cookie", "ECELB=web-a; Path=/; HttpOnly");
                exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=s1; Secure");
            }
            byte[] body = ("<html><title>Enterprise Chat and Email</title>path " + exchange.getRequestURI().getPath()
                    + " cookie " + cookie + "</html>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static HttpWebEndpointOperations trusting(X509TrustManager trust) {
        return new HttpWebEndpointOperations(trust, TIMEOUT, Clock.systemUTC());
    }

    @Test
    void theServedCertificateIsReadWithItsNamesValidityAndTrustedWhenTheTrustStoreHasIt() throws Exception {
        TestCertificates site = new TestCertificates("localhost", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)),
                "localhost", "*.massivedynamic.com");
        int port = serve(site);

        ServedCertificate served = trusting(site.trustingIt()).readServedCertificate("localhost", port);

        assertThat(served.commonName()).isEqualTo("localhost");
        assertThat(served.dnsNames()).containsExactly("localhost", "*.massivedynamic.com");
        assertThat(served.notBefore()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(served.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(served.issuer()).contains("CN=localhost");
        assertThat(served.chainTrusted()).isTrue();
        assertThat(served.trustProblem()).isNull();
        assertThat(served.checkedAt()).isBetween(NOW.minusSeconds(5), Instant.now().plusSeconds(1));
    }

    @Test
    void anUntrustedOrExpiredCertificateIsStillDescribedWithTheReasonItIsNotTrusted() throws Exception {
        TestCertificates expired = new TestCertificates("ece.massivedynamic.com", NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(35)), "ece.massivedynamic.com");
        int port = serve(expired);

        ServedCertificate served = trusting(TestCertificates.jdkDefault()).readServedCertificate("127.0.0.1", port);

        assertThat(served.chainTrusted()).isFalse();
        assertThat(served.trustProblem()).isNotBlank();
        assertThat(served.dnsNames()).containsExactly("ece.massivedynamic.com");
        assertThat(served.notAfter()).isEqualTo(NOW.minus(Duration.ofDays(35)));
    }

    @Test
    void aGetAnswersStatusBodyAndTheCookiesSetAndSendsCookiesBack() throws Exception {
        TestCertificates site = new TestCertificates("localhost", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), "localhost");
        int port = serve(site);
        HttpWebEndpointOperations web = trusting(site.trustingIt());
        String url = "https://localhost:" + port + "/ece/default/";

        HttpAnswer first = web.get(url, Map.of());
        HttpAnswer second = web.get(url, first.setCookies());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.url()).isEqualTo(url);
        assertThat(first.body()).contains("Enterprise Chat and Email", "path /ece/default/", "cookie null");
        assertThat(first.setCookies()).containsExactlyInAnyOrderEntriesOf(Map.of("ECELB", "web-a", "JSESSIONID", "s1"));
        assertThat(second.body()).contains("ECELB=web-a", "JSESSIONID=s1");
        assertThat(second.setCookies()).isEmpty();
    }

    @Test
    void aGetToASiteTheRunbookHostDoesNotTrustFailsNamingTheHost() throws Exception {
        TestCertificates site = new TestCertificates("localhost", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), "localhost");
        int port = serve(site);

        assertThatThrownBy(() -> trusting(TestCertificates.jdkDefault()).get("https://localhost:" + port + "/", Map.of()))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("localhost");
    }

    @Test
    void nothingListeningFailsTheHandshakeNamingHostAndPort() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0)) {
            port = unused.getLocalPort();
        }
        int closed = port;
        assertThatThrownBy(() -> trusting(TestCertificates.jdkDefault()).readServedCertificate("127.0.0.1", closed))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("127.0.0.1").hasMessageContaining(String.valueOf(closed));
    }

    @Test
    void setCookieHeadersKeepOnlyNameAndValue() {
        assertThat(HttpWebEndpointOperations.setCookies(java.util.List.of("A=1; Path=/", "B = two ;Secure", "junk", "=novalue")))
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "two"));
    }
}
