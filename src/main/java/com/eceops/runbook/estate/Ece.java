package com.eceops.runbook.estate;

import java.util.List;

/**
 * ECE itself: version, the public URL's FQDN, the installer's context root and partition (identical on every
 * server), the Jetty port the web servers forward to, and whether the estate handles production email
 * (patch-1.2 may be skipped without it) or is integrated with PCCE (final-6). For the final notes: whether
 * secure mail servers are signed by a private CA (final-3) and whether SSO is used (final-4), and how many days
 * before the ECE certificate expires the check warns (final-1), what identifies the login page
 * ({@link LoginMarkers}) and the PCCE Admin Workstations that must trust ECE's certificate (final-6; may be
 * empty). {@code ssisCatalogCredential} names the SSIS catalog password chosen at installation, which post-7
 * writes into the ReportsDB utility's properties.
 * {@code patchLevelFile} (optional, relative to each server's ECE home) names the file a live run reads the
 * installed ES from, since Cisco documents no such place; without it a live patch-level read stops and says so.
 * {@code ciscoProcesses} (optional) the process counts that show the Cisco service started ({@link CiscoProcessCounts}).
 * {@code httpsPort} (optional, the document's 443) is the port of the ECE site: the load balancer's VIP and each web
 * server's https binding. Every URL the runbook builds or checks carries it when it is not 443 ({@link #siteUrl()});
 * names (web_server_name, the certificate's) stay the FQDN.
 */
public record Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
                  String serviceName, String mediaPath, boolean productionEmail, boolean pcce,
                  boolean privateCaMailServers, boolean singleSignOn, int certificateWarningDays,
                  CredentialRef ssisCatalogCredential, LoginMarkers loginMarkers, List<String> adminWorkstations,
                  String patchLevelFile, CiscoProcessCounts ciscoProcesses, Integer httpsPort) {

    /** Unless the inventory says otherwise, both keystore items apply and the warning comes 30 days ahead. */
    public static final int DEFAULT_CERTIFICATE_WARNING_DAYS = 30;
    /** What {@code ece.ssisCatalogCredential} is when the inventory does not name one. */
    public static final CredentialRef DEFAULT_SSIS_CATALOG_CREDENTIAL = new CredentialRef("ssis-catalog");
    /** The document's port of the ECE site (https). */
    public static final int DEFAULT_HTTPS_PORT = 443;

    public Ece {
        ssisCatalogCredential = ssisCatalogCredential == null ? DEFAULT_SSIS_CATALOG_CREDENTIAL : ssisCatalogCredential;
        loginMarkers = loginMarkers == null ? LoginMarkers.DEFAULT : loginMarkers;
        adminWorkstations = adminWorkstations == null ? List.of() : List.copyOf(adminWorkstations);
        ciscoProcesses = ciscoProcesses == null ? CiscoProcessCounts.DOCUMENT : ciscoProcesses;
        // Absent (an inventory without the key, a run's snapshot from before it): the document's port. A port written
        // in the inventory is kept as written, so that a wrong one is reported at its path.
        httpsPort = httpsPort == null ? DEFAULT_HTTPS_PORT : httpsPort;
    }

    /** An ECE whose site is on the document's port. */
    public Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
               String serviceName, String mediaPath, boolean productionEmail, boolean pcce,
               boolean privateCaMailServers, boolean singleSignOn, int certificateWarningDays,
               CredentialRef ssisCatalogCredential, LoginMarkers loginMarkers, List<String> adminWorkstations,
               String patchLevelFile, CiscoProcessCounts ciscoProcesses) {
        this(version, fqdn, contextRoot, partition, jettyPort, serviceName, mediaPath, productionEmail, pcce,
                privateCaMailServers, singleSignOn, certificateWarningDays, ssisCatalogCredential, loginMarkers,
                adminWorkstations, patchLevelFile, ciscoProcesses, DEFAULT_HTTPS_PORT);
    }

    /** The site as URLs name it: the FQDN, with the port when it is not https's own. */
    public String siteAuthority() {
        return httpsPort == DEFAULT_HTTPS_PORT ? fqdn : fqdn + ":" + httpsPort;
    }

    /** The ECE URL, as the document gives it ({@code https://<ECE FQDN>}), with the site's port when it is not 443. */
    public String siteUrl() {
        return "https://" + siteAuthority();
    }

    /** An ECE whose Cisco service starts with the document's process counts. */
    public Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
               String serviceName, String mediaPath, boolean productionEmail, boolean pcce,
               boolean privateCaMailServers, boolean singleSignOn, int certificateWarningDays,
               CredentialRef ssisCatalogCredential, LoginMarkers loginMarkers, List<String> adminWorkstations,
               String patchLevelFile) {
        this(version, fqdn, contextRoot, partition, jettyPort, serviceName, mediaPath, productionEmail, pcce,
                privateCaMailServers, singleSignOn, certificateWarningDays, ssisCatalogCredential, loginMarkers,
                adminWorkstations, patchLevelFile, null);
    }

    /** An ECE without a patch level file ({@code ece.patchLevelFile}). */
    public Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
               String serviceName, String mediaPath, boolean productionEmail, boolean pcce,
               boolean privateCaMailServers, boolean singleSignOn, int certificateWarningDays,
               CredentialRef ssisCatalogCredential, LoginMarkers loginMarkers, List<String> adminWorkstations) {
        this(version, fqdn, contextRoot, partition, jettyPort, serviceName, mediaPath, productionEmail, pcce,
                privateCaMailServers, singleSignOn, certificateWarningDays, ssisCatalogCredential, loginMarkers,
                adminWorkstations, null);
    }

    /** An ECE with the default login page markers and no Admin Workstations named. */
    public Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
               String serviceName, String mediaPath, boolean productionEmail, boolean pcce,
               boolean privateCaMailServers, boolean singleSignOn, int certificateWarningDays,
               CredentialRef ssisCatalogCredential) {
        this(version, fqdn, contextRoot, partition, jettyPort, serviceName, mediaPath, productionEmail, pcce,
                privateCaMailServers, singleSignOn, certificateWarningDays, ssisCatalogCredential, null, null);
    }

    /** An ECE with the default SSIS catalog credential reference. */
    public Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
               String serviceName, String mediaPath, boolean productionEmail, boolean pcce,
               boolean privateCaMailServers, boolean singleSignOn, int certificateWarningDays) {
        this(version, fqdn, contextRoot, partition, jettyPort, serviceName, mediaPath, productionEmail, pcce,
                privateCaMailServers, singleSignOn, certificateWarningDays, null);
    }

    public Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
               String serviceName, String mediaPath, boolean productionEmail, boolean pcce) {
        this(version, fqdn, contextRoot, partition, jettyPort, serviceName, mediaPath, productionEmail, pcce, true, true,
                DEFAULT_CERTIFICATE_WARNING_DAYS, null);
    }

    /**
     * post-7: the 12.0 base release's ReportsDB utility on the install media does not work (a defect the document
     * names); from 12.5 the media's copy is used, on 12.0 the one in the first patch (ES).
     */
    public boolean reportsUtilityOnMedia() {
        return version == null || !version.strip().equals("12.0");
    }
}
