package com.eceops.runbook.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.eceops.runbook.operations.OperationFailedException;

/**
 * The ECE URL seen from the runbook host. The certificate is read with an SSL socket whose trust manager records
 * the chain and asks the real trust manager for its verdict without stopping the handshake, so that an untrusted
 * or wrong certificate can still be described to the person; GETs go through {@link HttpClient} with the real
 * trust manager and host name verification, as a browser would.
 */
public final class HttpWebEndpointOperations implements WebEndpointOperations {

    private static final int DNS_NAME = 2;

    private final X509TrustManager trust;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;

    public HttpWebEndpointOperations(X509TrustManager trust, Duration timeout, Clock clock) {
        this.trust = trust;
        this.timeout = timeout;
        this.clock = clock;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            this.client = HttpClient.newBuilder().sslContext(context).connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for the HTTP client: " + e.getMessage(), e);
        }
    }

    /** Trusts what the runbook host's Java trust store trusts ({@code javax.net.ssl.trustStore} or the JDK's cacerts). */
    public static HttpWebEndpointOperations withDefaultTrust(Duration timeout) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return new HttpWebEndpointOperations(x509, timeout, Clock.systemUTC());
                }
            }
            throw new IllegalStateException("the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the Java trust store: " + e.getMessage(), e);
        }
    }

    @Override
    public ServedCertificate readServedCertificate(String host, int port) {
        RecordingTrust recording = new RecordingTrust(trust);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recording}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                if (!isIpLiteral(host)) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                    socket.setSSLParameters(parameters);
                }
                socket.startHandshake();
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new OperationFailedException(host, "TLS handshake on port " + port, e.getMessage());
        }
        if (recording.chain == null || recording.chain.length == 0) {
            throw new OperationFailedException(host, "TLS handshake on port " + port, "the server presented no certificate");
        }
        X509Certificate leaf = recording.chain[0];
        return new ServedCertificate(commonName(leaf), dnsNames(leaf), leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(), leaf.getIssuerX500Principal().getName(), recording.problem == null,
                recording.problem, clock.instant());
    }

    @Override
    public HttpAnswer get(String url, Map<String, String> cookies) {
        URI uri = URI.create(url);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(url, response.statusCode(), response.body(),
                    setCookies(response.headers().allValues("set-cookie")));
        } catch (IOException e) {
            throw new OperationFailedException(uri.getHost() == null ? url : uri.getHost(), "GET " + url,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException(uri.getHost(), "GET " + url, "interrupted");
        }
    }

    static Map<String, String> setCookies(List<String> headers) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headers) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return cookies;
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private static List<String> dnsNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> name : certificate.getSubjectAlternativeNames()) {
                    if (name.size() > 1 && Integer.valueOf(DNS_NAME).equals(name.get(0))) {
                        names.add(String.valueOf(name.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A certificate whose names cannot be read covers no name; the check says so.
        }
        return names;
    }

    /** Records the chain and the real trust manager's verdict, and lets the handshake finish either way. */
    private static final class RecordingTrust implements X509TrustManager {

        private final X509TrustManager real;
        private X509Certificate[] chain;
        private String problem;

        RecordingTrust(X509TrustManager real) {
            this.real = real;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType) {
            chain = presented;
            try {
                real.checkServerTrusted(presented, authType);
            } catch (CertificateException | RuntimeException e) {
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
            throw new CertificateException("the runbook never accepts client connections here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
