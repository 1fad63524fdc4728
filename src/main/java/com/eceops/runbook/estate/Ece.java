package com.eceops.runbook.estate;

import java.util.List;

/**
 * ECE itself: version, the public URL's FQDN, the installer's context root and partition (identical on every
 * server), the Jetty port the web servers forward to, and whether the estate handles production email
 * (patch-1.2 may be skipped without it) or is integrated with PCCE (final-6). For the final notes: whether
 * secure mail servers are signed by a private CA (final-3) and whether SSO is used (final-4), and how many days
 * before the ECE certificate expires the check warns (final-1), what identifies the login page
 * ({@link LoginMarkers}) and the PCCE Admin Workstations that must trust ECE's certificate (final-6; may be empty).
 */
public record Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
                  String serviceName, String mediaPath, boolean productionEmail, boolean pcce,
                  boolean privateCaMailServers, boolean singleSignOn, int certificateWarningDays,
                  LoginMarkers loginMarkers, List<String> adminWorkstations) {

    /** Unless the inventory says otherwise, both keystore items apply and the warning comes 30 days ahead. */
    public static final int DEFAULT_CERTIFICATE_WARNING_DAYS = 30;

    public Ece {
        loginMarkers = loginMarkers == null ? LoginMarkers.DEFAULT : loginMarkers;
        adminWorkstations = adminWorkstations == null ? List.of() : List.copyOf(adminWorkstations);
    }

    public Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
               String serviceName, String mediaPath, boolean productionEmail, boolean pcce,
               boolean privateCaMailServers, boolean singleSignOn, int certificateWarningDays) {
        this(version, fqdn, contextRoot, partition, jettyPort, serviceName, mediaPath, productionEmail, pcce,
                privateCaMailServers, singleSignOn, certificateWarningDays, LoginMarkers.DEFAULT, List.of());
    }

    public Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
               String serviceName, String mediaPath, boolean productionEmail, boolean pcce) {
        this(version, fqdn, contextRoot, partition, jettyPort, serviceName, mediaPath, productionEmail, pcce, true, true,
                DEFAULT_CERTIFICATE_WARNING_DAYS);
    }
}
