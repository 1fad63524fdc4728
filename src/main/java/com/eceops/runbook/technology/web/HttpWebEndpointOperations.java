package com.eceops.runbook.technology.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import com.eceops.runbook.operations.OperationFailedException;

/**
 * ECE's web side seen from the runbook host, with no proxy (the runbook host must reach the VIP and the web
 * servers directly; a proxy would answer for them). The certificate is read with an SSL socket whose trust manager
 * records the chain and asks the real trust manager for its verdict without stopping the handshake, so that an
 * untrusted or wrong certificate can still be described to the person. GETs, through the ECE URL or to one web
 * server's address with the ECE FQDN kept, go through one shared Apache HttpClient ({@link DirectHttps}); both
 * verify chain and host name as a browser would, and follow redirects by {@link Redirects}.
 */
public final class HttpWebEndpointOperations implements WebEndpointOperations {

    private static final int DNS_NAME = 2;

    private final X509TrustManager trust;
    private final Duration timeout;
    private final Clock clock;
    private final DirectHttps https;

    public HttpWebEndpointOperations(X509TrustManager trust, Duration timeout, Clock clock) {
        this.trust = trust;
        this.timeout = timeout;
        this.clock = clock;
        try {
            SSLContext verifying = SSLContext.getInstance("TLS");
            verifying.init(null, new TrustManager[] {trust}, null);
            this.https = new DirectHttps(verifying, timeout);
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
    public ServedCertificate readServedCertificate(String address, int port, String serverName) {
        RecordingTrust recording = new RecordingTrust(trust);
        String step = "TLS handshake with " + address + ":" + port + " as " + serverName;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recording}, null);
            try (SSLSocket socket = open(context, address, port, serverName)) {
                socket.startHandshake();
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new OperationFailedException(address, step, message(e));
        }
        if (recording.chain == null || recording.chain.length == 0) {
            throw new OperationFailedException(address, step, "the server presented no certificate");
        }
        X509Certificate leaf = recording.chain[0];
        return new ServedCertificate(commonName(leaf), dnsNames(leaf), leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(), leaf.getIssuerX500Principal().getName(), recording.problem == null,
                recording.problem, clock.instant(), sha256(leaf));
    }

    @Override
    public HttpAnswer get(String url, Map<String, String> cookies) {
        return Redirects.follow(url, cookies, (hop, sent) -> {
            try {
                return https.get(hop, null, sent);
            } catch (IOException e) {
                String host = URI.create(hop).getHost();
                throw new OperationFailedException(host == null ? hop : host, "GET " + hop, message(e));
            }
        });
    }

    @Override
    public HttpAnswer getFrom(String address, String url, Map<String, String> cookies) {
        return Redirects.follow(url, cookies, (hop, sent) -> {
            try {
                return https.get(hop, InetAddress.getByName(address), sent);
            } catch (IOException e) {
                throw new OperationFailedException(address, "GET " + hop + " from " + address, message(e));
            }
        });
    }

    /**
     * A plain socket with no proxy, connected to the address, with TLS layered on it under {@code serverName} as
     * SNI. The name is not verified here: the certificate is read to be described, whatever it names.
     */
    private SSLSocket open(SSLContext context, String address, int port, String serverName) throws IOException {
        Socket plain = new Socket(Proxy.NO_PROXY);
        try {
            plain.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, serverName, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            if (!isIpLiteral(serverName)) {
                try {
                    parameters.setServerNames(List.of(new SNIHostName(serverName)));
                } catch (IllegalArgumentException e) {
                    socket.close();
                    throw new OperationFailedException(address, "TLS to " + address + ":" + port,
                            "'" + serverName + "' is not a valid host name to send as SNI: " + e.getMessage());
                }
            }
            socket.setSSLParameters(parameters);
            return socket;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            return null;
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

    /**
     * Records the chain and the real trust manager's verdict, and lets the handshake finish either way. An
     * X509ExtendedTrustManager, so that the JDK uses it as it is instead of wrapping it.
     */
    private static final class RecordingTrust extends X509ExtendedTrustManager {

        private final X509TrustManager real;
        private X509Certificate[] chain;
        private String problem;

        RecordingTrust(X509TrustManager real) {
            this.real = real;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType) {
            record(presented, () -> real.checkServerTrusted(presented, authType));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) {
            record(presented, () -> {
                if (real instanceof X509ExtendedTrustManager extended) {
                    extended.checkServerTrusted(presented, authType, socket);
                } else {
                    real.checkServerTrusted(presented, authType);
                }
            });
        }

        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
            record(presented, () -> real.checkServerTrusted(presented, authType));
        }

        private void record(X509Certificate[] presented, Verdict verdict) {
            chain = presented;
            try {
                verdict.check();
            } catch (CertificateException | RuntimeException e) {
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
            throw new CertificateException("the runbook never accepts client connections here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(presented, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(presented, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        private interface Verdict {
            void check() throws CertificateException;
        }
    }
}
