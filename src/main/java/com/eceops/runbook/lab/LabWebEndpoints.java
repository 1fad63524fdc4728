package com.eceops.runbook.lab;

import com.eceops.runbook.ece.LoginPage;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.web.HttpAnswer;
import com.eceops.runbook.web.ServedCertificate;
import com.eceops.runbook.web.WebEndpointOperations;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The ECE URL in the lab: a load balancer on the ECE FQDN in front of the web servers. It inserts its cookie
 * {@value #COOKIE} (the backend's name) when cookie insert is configured and honours it when it comes back;
 * otherwise it deals requests round robin. A content health check takes out a web server that shows no login
 * page; a status-only check keeps it, and its "Service Unavailable" page reaches the user.
 */
final class LabWebEndpoints implements WebEndpointOperations {

    static final String COOKIE = "ECELB";
    static final String UNTRUSTED = "PKIX path building failed: unable to find valid certification path to requested target";

    private final LabContext lab;
    private final LabEce ece;

    LabWebEndpoints(LabContext lab, LabEce ece) {
        this.lab = lab;
        this.ece = ece;
    }

    @Override
    public ServedCertificate readServedCertificate(String host, int port) {
        requireEceUrl(host, port);
        LabCertificate c = lab.state().web.certificate;
        if (c == null) {
            throw new OperationFailedException(host, lab.operation(), "no TLS handshake on port " + port
                    + ": no certificate is bound to the ECE site in IIS");
        }
        return new ServedCertificate(c.commonName(), c.dnsNames(), c.notBefore(), c.notAfter(), c.issuer(), c.trusted(),
                c.trusted() ? null : UNTRUSTED, lab.now());
    }

    @Override
    public HttpAnswer get(String url, Map<String, String> cookies) {
        URI uri = URI.create(url);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        // The lab's ECE site listens on https only: plain http finds port 80 closed.
        requireEceUrl(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80);
        if (lab.state().web.certificate == null || !lab.state().web.certificate.trusted()) {
            throw new OperationFailedException(uri.getHost(), lab.operation(), lab.state().web.certificate == null
                    ? "no TLS handshake: no certificate is bound to the ECE site in IIS" : UNTRUSTED);
        }
        List<Server> pool = healthyPool();
        if (pool.isEmpty()) {
            return new HttpAnswer(url, 503, "<html>Service Unavailable: no healthy server in the pool</html>", Map.of());
        }
        String sticky = lab.state().web.cookieInsert ? cookies.get(COOKIE) : null;
        Server backend = pool.stream().filter(s -> s.name().equalsIgnoreCase(sticky)).findFirst()
                .orElseGet(() -> pool.get((int) (lab.state().web.requests++ % pool.size())));
        Map<String, String> set = lab.state().web.cookieInsert && !backend.name().equalsIgnoreCase(sticky)
                ? Map.of(COOKIE, backend.name()) : Map.of();
        String partition = partitionOf(uri.getPath());
        if (partition == null) {
            return new HttpAnswer(url, 200, "<html><title>IIS Windows Server</title></html>", set);
        }
        LoginPage page = ece.loginPageOn(backend, partition);
        return new HttpAnswer(url, page.status(), page.content(), set);
    }

    private void requireEceUrl(String host, int port) {
        String fqdn = lab.estate().ece().fqdn();
        if (host == null || !host.equalsIgnoreCase(fqdn)) {
            throw new OperationFailedException(String.valueOf(host), lab.operation(), "no such host in the lab (only " + fqdn + ")");
        }
        if (port != 443) {
            throw new OperationFailedException(host, lab.operation(), "connection refused on port " + port);
        }
        if (lab.estate().webServers().stream().noneMatch(ece::answers)) {
            throw new OperationFailedException(host, lab.operation(), "connection refused: no web server answers");
        }
    }

    private List<Server> healthyPool() {
        List<String> active = lab.state().web.activeWebServers;
        String partition = lab.estate().ece().partition();
        return lab.estate().webServers().stream()
                .filter(s -> active.isEmpty() || active.stream().anyMatch(a -> a.equalsIgnoreCase(s.name())))
                .filter(ece::answers)
                .filter(s -> !lab.state().web.contentHealthCheck || ece.loginPageOn(s, partition).showsLogin())
                .toList();
    }

    /** {@code /<context root>/<partition>/} names a partition; anything else is the site's root. */
    private String partitionOf(String path) {
        String prefix = "/" + lab.estate().ece().contextRoot() + "/";
        if (path == null || !path.toLowerCase(java.util.Locale.ROOT).startsWith(prefix.toLowerCase(java.util.Locale.ROOT))) {
            return null;
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        String partition = slash < 0 ? rest : rest.substring(0, slash);
        return partition.isEmpty() ? null : partition;
    }
}
