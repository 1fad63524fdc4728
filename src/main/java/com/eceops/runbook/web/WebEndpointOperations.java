package com.eceops.runbook.web;

import java.util.Map;

/**
 * What the runbook host sees of the ECE URL from outside (final-1, final-2, final-5): the TLS certificate a
 * server presents and plain HTTP GETs. Reads only; nothing here changes a server. The real implementation talks
 * from the runbook host with the JDK's HTTP client and an SSL socket; the lab answers for its simulated load
 * balancer and web servers.
 */
public interface WebEndpointOperations {

    /**
     * Opens a TLS connection to {@code host:port} (SNI {@code host}) and answers the certificate the server
     * presents and whether the runbook host trusts its chain. Fails when nothing answers or no handshake happens.
     */
    ServedCertificate readServedCertificate(String host, int port);

    /**
     * GETs {@code url} with the given cookies sent back, following no redirect, and answers status, body and the
     * cookies the answer sets. Fails when nothing answers or the TLS connection is refused (an untrusted chain).
     */
    HttpAnswer get(String url, Map<String, String> cookies);
}
