package com.eceops.runbook.technology.web;

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
        server.createContext("/hop/", exchange -> {
            String target = switch (exchange.getRequestURI().getPath()) {
                case "/hop/same" -> "/landing/";
                case "/hop/http" -> "http://localhost:" + server.getAddress().getPort() + "/landing/";
                case "/hop/other" -> "https://other.massivedynamic.com:" + server.getAddress().getPort() + "/landing/";
                default -> "/hop/loop";
            };
            exchange.getResponseHeaders().add("Location", target);
            exchange.getResponseHeaders().add("Set-Cookie", "ECELB=web-a; Path=/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/big/", exchange -> {
            byte[] body = new byte[DirectHttps.MAX_BODY + 4096];
            java.util.Arrays.fill(body, (byte) 'x');
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            if (cookie == null) {
                exchange.getResponseHeaders().add("Set-Cookie", "ECELB=web-a; Path=/; HttpOnly");
                exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=s1; Secure");
            }
            byte[] body = ("<html><title>Enterprise Chat and Email</title>path " + exchange.getRequestURI().getPath()
                    + " cookie " + cookie + " host " + exchange.getRequestHeaders().getFirst("Host") + "</html>").getBytes(StandardCharsets.UTF_8);
            // Chunked (length 0) on the landing page, so that the socket path reads both kinds of body.
            exchange.sendResponseHeaders(200, exchange.getRequestURI().getPath().startsWith("/landing") ? 0 : body.length);
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

        ServedCertificate served = trusting(site.trustingIt()).readServedCertificate("127.0.0.1", port, "localhost");

        assertThat(served.commonName()).isEqualTo("localhost");
        assertThat(served.dnsNames()).containsExactly("localhost", "*.massivedynamic.com");
        assertThat(served.notBefore()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(served.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(served.issuer()).contains("CN=localhost");
        assertThat(served.chainTrusted()).isTrue();
        assertThat(served.trustProblem()).isNull();
        assertThat(served.sha256()).isEqualTo(HttpWebEndpointOperations.sha256(site.certificate)).hasSize(64);
        assertThat(served.checkedAt()).isBetween(NOW.minusSeconds(5), Instant.now().plusSeconds(1));
    }

    @Test
    void anUntrustedOrExpiredCertificateIsStillDescribedWithTheReasonItIsNotTrusted() throws Exception {
        TestCertificates expired = new TestCertificates("ece.massivedynamic.com", NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(35)), "ece.massivedynamic.com");
        int port = serve(expired);

        ServedCertificate served = trusting(TestCertificates.jdkDefault()).readServedCertificate("127.0.0.1", port, "ece.massivedynamic.com");

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
        assertThatThrownBy(() -> trusting(TestCertificates.jdkDefault()).readServedCertificate("127.0.0.1", closed, "localhost"))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("127.0.0.1").hasMessageContaining(String.valueOf(closed));
    }

    @Test
    void setCookieHeadersKeepOnlyNameAndValue() {
        assertThat(HttpWebEndpointOperations.setCookies(java.util.List.of("A=1; Path=/", "B = two ;Secure", "junk", "=novalue")))
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "two"));
    }

    @Test
    void sameHostHttpsRedirectsAreFollowedWithTheCookiesOfEveryHop() throws Exception {
        TestCertificates site = new TestCertificates("localhost", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), "localhost");
        int port = serve(site);

        HttpAnswer answer = trusting(site.trustingIt()).get("https://localhost:" + port + "/hop/same", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.url()).isEqualTo("https://localhost:" + port + "/landing/");
        assertThat(answer.body()).contains("path /landing/", "cookie ECELB=web-a");
        assertThat(answer.setCookies()).containsEntry("ECELB", "web-a");
    }

    @Test
    void redirectsToHttpToAnotherHostOrWithoutEndAreRefused() throws Exception {
        TestCertificates site = new TestCertificates("localhost", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), "localhost");
        int port = serve(site);
        HttpWebEndpointOperations web = trusting(site.trustingIt());
        String base = "https://localhost:" + port;

        assertThatThrownBy(() -> web.get(base + "/hop/http", Map.of())).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("not https: refused");
        assertThatThrownBy(() -> web.get(base + "/hop/other", Map.of())).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("another host");
        assertThatThrownBy(() -> web.get(base + "/hop/loop", Map.of())).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("more than " + Redirects.MAX_HOPS + " redirects");
    }

    @Test
    void aGetFromOneAddressSendsTheEceNameAsHostAndVerifiesTheCertificateAgainstIt() throws Exception {
        TestCertificates site = new TestCertificates("ece.massivedynamic.com", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)),
                "ece.massivedynamic.com");
        int port = serve(site);
        HttpWebEndpointOperations web = trusting(site.trustingIt());

        HttpAnswer answer = web.getFrom("127.0.0.1", "https://ece.massivedynamic.com:" + port + "/hop/same", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("path /landing/", "cookie ECELB=web-a", "host ece.massivedynamic.com:" + port);
        assertThat(answer.setCookies()).containsEntry("ECELB", "web-a");
        // The certificate also names 127.0.0.1; a name it does not carry must still fail, so the name checked is the URL's.
        assertThatThrownBy(() -> web.getFrom("127.0.0.1", "https://other.massivedynamic.com:" + port + "/", Map.of()))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("127.0.0.1");
    }

    @Test
    void aPageLongerThanTheCapIsCutAtIt() throws Exception {
        TestCertificates site = new TestCertificates("localhost", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), "localhost");
        int port = serve(site);
        HttpWebEndpointOperations web = trusting(site.trustingIt());

        assertThat(web.getFrom("127.0.0.1", "https://localhost:" + port + "/big/", Map.of()).body()).hasSize(DirectHttps.MAX_BODY);
        // The cut connection is dropped, not handed to the next request.
        assertThat(web.getFrom("127.0.0.1", "https://localhost:" + port + "/", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aServerThatAnswersNoHttpFailsNamingTheAddress() throws Exception {
        TestCertificates site = new TestCertificates("localhost", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), "localhost");
        try (javax.net.ssl.SSLServerSocket notHttp = (javax.net.ssl.SSLServerSocket) site.serverContext.getServerSocketFactory()
                .createServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                while (!notHttp.isClosed()) {
                    try (java.net.Socket client = notHttp.accept()) {
                        client.getOutputStream().write("SSH-2.0-OpenSSH_8.9\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // closed at the end of the test, or a client that gave up
                    }
                }
            });
            answering.setDaemon(true);
            answering.start();

            assertThatThrownBy(() -> trusting(site.trustingIt()).getFrom("127.0.0.1", "https://localhost:" + notHttp.getLocalPort() + "/", Map.of()))
                    .isInstanceOf(OperationFailedException.class).hasMessageContaining("127.0.0.1");
        }
    }

    @Test
    void aNameThatIsNoHostNameIsAClearFailureNotACrash() throws Exception {
        TestCertificates site = new TestCertificates("localhost", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), "localhost");
        int port = serve(site);

        assertThatThrownBy(() -> trusting(site.trustingIt()).readServedCertificate("127.0.0.1", port, "bad_name!.example"))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("not a valid host name");
    }

    @Test
    void neitherPathAsksTheJvmsProxySettings() throws Exception {
        TestCertificates site = new TestCertificates("localhost", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), "localhost");
        int port = serve(site);
        java.util.List<java.net.URI> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.net.ProxySelector before = java.net.ProxySelector.getDefault();
        java.net.ProxySelector.setDefault(new java.net.ProxySelector() {
            @Override
            public java.util.List<java.net.Proxy> select(java.net.URI uri) {
                asked.add(uri);
                return java.util.List.of(new java.net.Proxy(java.net.Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 9)));
            }

            @Override
            public void connectFailed(java.net.URI uri, java.net.SocketAddress address, IOException e) {
            }
        });
        try {
            HttpWebEndpointOperations web = trusting(site.trustingIt());
            assertThat(web.get("https://localhost:" + port + "/", Map.of()).status()).isEqualTo(200);
            assertThat(web.getFrom("127.0.0.1", "https://localhost:" + port + "/", Map.of()).status()).isEqualTo(200);
            assertThat(web.readServedCertificate("127.0.0.1", port, "localhost").chainTrusted()).isTrue();
        } finally {
            java.net.ProxySelector.setDefault(before);
        }
        assertThat(asked).isEmpty();
    }
}
