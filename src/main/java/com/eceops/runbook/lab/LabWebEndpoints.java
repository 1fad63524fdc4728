package com.eceops.runbook.lab;

import com.eceops.runbook.technology.ece.LoginPage;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.web.HttpAnswer;
import com.eceops.runbook.technology.web.Redirects;
import com.eceops.runbook.technology.web.ServedCertificate;
import com.eceops.runbook.technology.web.WebEndpointOperations;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ECE's web side in the lab. Each web server answers at its own address with the certificate bound to it in IIS;
 * the ECE FQDN resolves to the load balancer's VIP, which answers nothing until final-5 configured it. The load
 * balancer passes TLS through (the backend's certificate is served), inserts its persistence cookie (value
 * encodes the backend, as BIG-IP's does) and honours it when it comes back; otherwise it deals requests round robin
 * over the active pool. A content health check takes out a web server that shows no login page; a status-only
 * check keeps it. On every web server {@code /<partition>} redirects to the partition's login page, which sets
 * ECE's own session cookie.
 */
final class LabWebEndpoints implements WebEndpointOperations {

    static final String SESSION_COOKIE = "JSESSIONID";
    static final String UNTRUSTED = "PKIX path building failed: unable to find valid certification path to requested target";
    static final String LOGIN_PATH = "/web/view/platform/common/login/root.jsp";

    private final LabContext lab;
    private final LabEce ece;

    LabWebEndpoints(LabContext lab, LabEce ece) {
        this.lab = lab;
        this.ece = ece;
    }

    @Override
    public ServedCertificate readServedCertificate(String address, int port, String serverName) {
        return certificateAt(address, port);
    }

    @Override
    public HttpAnswer get(String url, Map<String, String> cookies) {
        return Redirects.follow(url, cookies, (hop, sent) -> answerAt(URI.create(hop).getHost(), hop, sent));
    }

    @Override
    public HttpAnswer getFrom(String address, String url, Map<String, String> cookies) {
        Server web = webServerAt(address);
        return Redirects.follow(url, cookies, (hop, sent) -> {
            URI uri = URI.create(hop);
            requireHttps(address, port(uri));
            return fromWebServer(web, uri, sent, Map.of());
        });
    }

    /**
     * One request, no redirect followed, as it reaches {@code address}: a web server's address or name, or the ECE
     * name or VIP (the load balancer). What each hop of {@link #get} gets, and what the wire lab's HTTPS server answers
     * a connection made to that address.
     */
    HttpAnswer answerAt(String address, String url, Map<String, String> sent) {
        URI uri = URI.create(url);
        requireHttps(address, port(uri));
        if (!isEceName(address)) {
            return fromWebServer(webServerAt(address), uri, sent, Map.of());
        }
        Optional<Server> backend = throughLoadBalancer(address, sent);
        if (backend.isEmpty()) {
            return new HttpAnswer(url, 503, "<html>Service Unavailable: no healthy server in the pool</html>", Map.of());
        }
        String cookie = lab.state().web.persistenceCookie;
        Map<String, String> inserted = cookie != null && !cookieValue(backend.get()).equals(sent.get(cookie))
                ? Map.of(cookie, cookieValue(backend.get())) : Map.of();
        return fromWebServer(backend.get(), uri, sent, inserted);
    }

    /**
     * The certificate a TLS handshake at {@code address} gets, without dealing a request: at the VIP, the one the
     * pool's next server presents (the load balancer passes TLS through), the round robin left where it was. What a
     * certificate read answers here, and what the wire lab's HTTPS server presents.
     */
    ServedCertificate certificateAt(String address, int port) {
        requireHttps(address, port);
        if (!isEceName(address)) {
            return served(address, webServerAt(address), port);
        }
        if (!lab.state().web.loadBalancerConfigured) {
            throw notConfigured(address);
        }
        List<Server> pool = healthyPool();
        if (pool.isEmpty()) {
            throw noHealthyServer(address);
        }
        return served(address, pool.get((int) (lab.state().web.requests % pool.size())), port);
    }

    private HttpAnswer fromWebServer(Server web, URI uri, Map<String, String> sent, Map<String, String> inserted) {
        ServedCertificate certificate = served(uri.getHost(), web, port(uri));
        if (!certificate.chainTrusted()) {
            throw new OperationFailedException(uri.getHost(), lab.operation(), UNTRUSTED);
        }
        String url = uri.toString();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        String[] parts = path.isEmpty() ? new String[0] : path.substring(1).split("/", 2);
        if (parts.length == 0) {
            return new HttpAnswer(url, 200, "<html><title>IIS Windows Server</title></html>", inserted);
        }
        String partition = parts[0];
        if (parts.length == 1) {
            return new HttpAnswer(url, 302, "", inserted, "/" + partition + LOGIN_PATH);
        }
        if (!("/" + parts[1]).equalsIgnoreCase(LOGIN_PATH)) {
            return new HttpAnswer(url, 404, "<html>Not Found</html>", inserted);
        }
        LoginPage page = ece.loginPageOn(web, partition);
        Map<String, String> set = new LinkedHashMap<>(inserted);
        if (page.status() == 200 && !sent.containsKey(SESSION_COOKIE)) {
            set.put(SESSION_COOKIE, "lab-session-" + (++lab.state().web.sessions));
        }
        return new HttpAnswer(url, page.status(), page.content(), set);
    }

    private ServedCertificate served(String address, Server web, int port) {
        LabCertificate c = lab.state().web.certificates.get(web.name().toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new OperationFailedException(address, lab.operation(), "no TLS handshake on port " + port
                    + ": no certificate is bound to the ECE site in IIS on " + web.name());
        }
        return new ServedCertificate(c.commonName(), c.dnsNames(), c.notBefore(), c.notAfter(), c.issuer(), c.trusted(),
                c.trusted() ? null : UNTRUSTED, lab.now(), thumbprint(c));
    }

    /** The lab's certificates have no bytes; a digest of what describes them stands in for the thumbprint. */
    static String thumbprint(LabCertificate c) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(c.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireHttps(String host, int port) {
        int site = lab.estate().ece().httpsPort();
        if (port != site) {
            throw new OperationFailedException(String.valueOf(host), lab.operation(), "connection refused on port " + port
                    + " (the ECE site listens on https, " + site + ")");
        }
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private boolean isEceName(String host) {
        return host != null && (host.equalsIgnoreCase(lab.estate().ece().fqdn())
                || host.equals(lab.estate().loadBalancer().virtualIp()));
    }

    /** A web server by its address (IP or name), answering. */
    private Server webServerAt(String address) {
        Server web = lab.estate().webServers().stream()
                .filter(s -> s.ip().equals(address) || s.name().equalsIgnoreCase(address)).findFirst()
                .orElseThrow(() -> new OperationFailedException(String.valueOf(address), lab.operation(),
                        "no web server of the lab answers at " + address));
        if (!ece.answers(web)) {
            throw new OperationFailedException(address, lab.operation(), "connection refused: " + web.name() + " does not answer");
        }
        return web;
    }

    /** The backend the VIP gives this request: the one its cookie names, or the next of the healthy pool. */
    private Optional<Server> throughLoadBalancer(String host, Map<String, String> sent) {
        LabWebState web = lab.state().web;
        if (!web.loadBalancerConfigured) {
            throw notConfigured(host);
        }
        List<Server> pool = healthyPool();
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        String sticky = web.persistenceCookie == null ? null : sent.get(web.persistenceCookie);
        return Optional.of(pool.stream().filter(s -> cookieValue(s).equals(sticky)).findFirst()
                .orElseGet(() -> pool.get((int) (web.requests++ % pool.size()))));
    }

    private OperationFailedException notConfigured(String host) {
        return new OperationFailedException(host, lab.operation(), "connection timed out: " + host + " resolves to the VIP "
                + lab.estate().loadBalancer().virtualIp() + ", which answers nothing until the load balancer is configured (final-5)");
    }

    private OperationFailedException noHealthyServer(String host) {
        return new OperationFailedException(host, lab.operation(), "no healthy server in the load balancer's pool");
    }

    /** Like BIG-IP's, the persistence cookie's value encodes the backend's address (so reports must not record it). */
    private static String cookieValue(Server web) {
        long value = 0;
        String[] octets = web.ip().split("\\.");
        for (int i = octets.length - 1; i >= 0; i--) {
            value = (value << 8) + Integer.parseInt(octets[i]);
        }
        return value + ".47873.0000";
    }

    private List<Server> healthyPool() {
        List<String> active = lab.state().web.activeWebServers;
        String partition = lab.estate().ece().partition();
        return lab.estate().webServers().stream()
                .filter(s -> active.isEmpty() || active.stream().anyMatch(a -> a.equalsIgnoreCase(s.name())))
                .filter(ece::answers)
                .filter(s -> !lab.state().web.contentHealthCheck
                        || ece.loginPageOn(s, partition).showsLogin(lab.estate().ece().loginMarkers()))
                .toList();
    }
}
