package com.eceops.runbook.technology.web;

import java.util.Map;

/**
 * What the runbook host sees of ECE's web side from outside (final-1, final-2, final-5): the TLS certificate a
 * server presents and plain HTTP GETs, either through the ECE URL (DNS, so the load balancer) or straight to one
 * web server's address with the ECE FQDN as SNI and Host header (before the load balancer is configured). Reads
 * only; nothing here changes a server. The real implementation talks from the runbook host with no proxy; the lab
 * answers for its simulated load balancer and web servers.
 */
public interface WebEndpointOperations {

    /**
     * Opens a TLS connection to {@code address:port} sending {@code serverName} as SNI, and answers the certificate
     * the server presents and whether the runbook host trusts its chain. Fails when nothing answers or no handshake
     * happens, or when {@code serverName} is not a valid host name.
     */
    ServedCertificate readServedCertificate(String address, int port, String serverName);

    /**
     * GETs {@code url} through its host name with the given cookies sent back, following redirects only to https
     * on the same host (a few hops at most), and answers the last page with the cookies every hop set. Fails when
     * nothing answers, the TLS connection is refused (an untrusted chain) or a redirect leaves https or the host.
     */
    HttpAnswer get(String url, Map<String, String> cookies);

    /**
     * As {@link #get}, but connects to {@code address} (one web server) and sends the URL's host as SNI and Host
     * header, as the load balancer will: the server is checked under the name users will use.
     */
    HttpAnswer getFrom(String address, String url, Map<String, String> cookies);
}
