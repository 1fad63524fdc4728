package com.eceops.runbook.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.web.HttpAnswer;
import com.eceops.runbook.technology.web.ServedCertificate;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * ECE's web side on the wire: one HTTPS server at each web server's address and one at the load balancer's VIP (all
 * loopback addresses of the wire estate), answering from the lab's web endpoints as they stand. Each handshake presents
 * a real certificate made from the lab's facts for that address (names, validity, issuer): signed by the wire's trusted
 * issuing CA when the lab says the chain is trusted, else by a stranger under the same name, so that the runbook's own
 * PKIX check decides as it would against IIS. Each request is one hop of the lab's answer (no redirect followed here),
 * its cookies read from the request and set on the response as IIS and the load balancer set them.
 */
public final class WireLabHttps implements AutoCloseable {

    private static final char[] STORE_PASSWORD = "wire-trust".toCharArray();
    private static final String ALIAS = "ece-site";

    private final RehearsalLab lab;
    private final int port;
    private final KeyPair trustedIssuer = rsa();
    private final KeyPair stranger = rsa();
    private final KeyPair site = rsa();
    private final Map<ServedCertificate, X509Certificate[]> made = new ConcurrentHashMap<>();
    private final Map<String, X509Certificate> issuers = new ConcurrentHashMap<>();
    private final List<HttpsServer> listening = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    /** Every request as it reached an address: {@code address GET url}. */
    public final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Listens at each address on {@code port} (the estate's {@code ece.httpsPort}). */
    public WireLabHttps(RehearsalLab lab, List<String> addresses, int port) throws IOException {
        this.lab = lab;
        this.port = port;
        for (String address : addresses) {
            HttpsServer server;
            try {
                server = HttpsServer.create(new InetSocketAddress(address, port), 16);
            } catch (SocketException e) {
                close();
                throw new IOException("cannot listen on " + address + ":" + port + " (" + e.getMessage() + ")", e);
            }
            server.setHttpsConfigurator(new HttpsConfigurator(context(address)));
            server.createContext("/", exchange -> answer(address, exchange));
            server.setExecutor(threads);
            server.start();
            listening.add(server);
        }
    }

    /**
     * A trust store (PKCS12) holding the issuing CA the lab's trusted certificates name, for the runbook host's
     * {@code javax.net.ssl.trustStore}; its password is {@link #trustStorePassword()}.
     */
    public Path writeTrustStore(Path file, String issuer) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("wire-issuing-ca", issuer(issuer));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD);
        }
        return file;
    }

    public static String trustStorePassword() {
        return new String(STORE_PASSWORD);
    }

    private void answer(String address, HttpExchange exchange) throws IOException {
        try (exchange) {
            String url = "https://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI();
            received.add(address + " GET " + url);
            HttpAnswer answer;
            try {
                answer = onLab(web -> web.answerAt(address, url, cookies(exchange.getRequestHeaders().getFirst("Cookie"))));
            } catch (OperationFailedException e) {
                // What a dead backend looks like through IIS or the load balancer: a gateway error with the reason.
                answer = new HttpAnswer(url, 502, "<html>" + e.getMessage() + "</html>", Map.of());
            }
            answer.setCookies().forEach((name, value) -> exchange.getResponseHeaders().add("Set-Cookie", name + "=" + value + "; Path=/; Secure"));
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private static Map<String, String> cookies(String header) {
        Map<String, String> cookies = new LinkedHashMap<>();
        if (header != null) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                }
            }
        }
        return cookies;
    }

    private <T> T onLab(Function<LabWebEndpoints, T> work) {
        return onWeb(lab, work);
    }

    /**
     * {@code lab}'s own web endpoints as one unit of work, as a guarded call is: due work first, saved after (a single
     * hop and a handshake's certificate are no interface's calls, so the guard cannot make them).
     */
    static <T> T onWeb(RehearsalLab lab, Function<LabWebEndpoints, T> work) {
        return lab.locked(() -> {
            lab.settle();
            try {
                lab.context().operation("get");
                return work.apply((LabWebEndpoints) lab.session().target("WebEndpointOperations"));
            } finally {
                lab.save();
            }
        });
    }

    /** The certificate the lab has at the address now, or null when no handshake would happen there. */
    private X509Certificate[] chainAt(String address) {
        try {
            ServedCertificate facts = onLab(web -> web.certificateAt(address, port));
            return made.computeIfAbsent(withoutClock(facts), this::make);
        } catch (OperationFailedException nothingBound) {
            return null;
        }
    }

    private static ServedCertificate withoutClock(ServedCertificate c) {
        return new ServedCertificate(c.commonName(), c.dnsNames(), c.notBefore(), c.notAfter(), c.issuer(), c.chainTrusted(),
                null, null, null);
    }

    private X509Certificate[] make(ServedCertificate facts) {
        try {
            X500Name issuer = new X500Name(facts.issuer());
            byte[] serial = MessageDigest.getInstance("SHA-256").digest(facts.toString().getBytes(StandardCharsets.UTF_8));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(1, serial).shiftRight(128),
                    Date.from(facts.notBefore()), Date.from(facts.notAfter()), new X500Name("CN=" + facts.commonName()), site.getPublic());
            GeneralName[] names = facts.dnsNames().stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
            if (names.length > 0) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            KeyPair signer = facts.chainTrusted() ? trustedIssuer : stranger;
            X509Certificate leaf = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
            return facts.chainTrusted() ? new X509Certificate[] {leaf, issuer(facts.issuer())} : new X509Certificate[] {leaf};
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the certificate " + facts, e);
        }
    }

    /** The trusted issuing CA under its name, self-signed, made once per name. */
    private X509Certificate issuer(String name) {
        return issuers.computeIfAbsent(name, n -> {
            try {
                X500Name subject = new X500Name(n);
                java.time.Instant now = java.time.Instant.now();
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                        Date.from(now.minusSeconds(86_400L * 3650)), Date.from(now.plusSeconds(86_400L * 3650)), subject,
                        trustedIssuer.getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                return new JcaX509CertificateConverter()
                        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(trustedIssuer.getPrivate())));
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the issuing CA " + n, e);
            }
        });
    }

    private SSLContext context(String address) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new javax.net.ssl.KeyManager[] {new LabKeys(address)}, null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        listening.forEach(server -> server.stop(0));
        threads.shutdownNow();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's key manager at one address: the site's one key, under the certificate the lab has there now. */
    private final class LabKeys extends X509ExtendedKeyManager {

        private final String address;

        LabKeys(String address) {
            this.address = address;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return "RSA".equals(keyType) && chainAt(address) != null ? ALIAS : null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return chooseEngineServerAlias(keyType, issuers, null);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? chainAt(address) : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? site.getPrivate() : null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return "RSA".equals(keyType) ? new String[] {ALIAS} : null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
