package com.eceops.runbook.estate;

/**
 * ECE itself: version, the public URL's FQDN, the installer's context root and partition (identical on every
 * server), the Jetty port the web servers forward to, and whether the estate handles production email
 * (patch-1.2 may be skipped without it) or is integrated with PCCE (final-6).
 */
public record Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
                  String serviceName, String mediaPath, boolean productionEmail, boolean pcce) {
}
