package com.eceops.runbook.estate;

/**
 * ECE itself: version, the public URL's FQDN, the installer's context root and partition (identical on every
 * server), the Jetty port the web servers forward to, and whether the estate handles production email
 * (patch-1.2 may be skipped without it) or is integrated with PCCE (final-6). {@code ssisCatalogCredential} names
 * the SSIS catalog password chosen at installation, which post-7 writes into the ReportsDB utility's properties.
 */
public record Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort,
                  String serviceName, String mediaPath, boolean productionEmail, boolean pcce,
                  CredentialRef ssisCatalogCredential) {

    /** What {@code ece.ssisCatalogCredential} is when the inventory does not name one. */
    public static final CredentialRef DEFAULT_SSIS_CATALOG_CREDENTIAL = new CredentialRef("ssis-catalog");

    public Ece {
        ssisCatalogCredential = ssisCatalogCredential == null ? DEFAULT_SSIS_CATALOG_CREDENTIAL : ssisCatalogCredential;
    }

    /** An ECE without its own SSIS catalog credential reference (the default one). */
    public Ece(String version, String fqdn, String contextRoot, String partition, int jettyPort, String serviceName,
               String mediaPath, boolean productionEmail, boolean pcce) {
        this(version, fqdn, contextRoot, partition, jettyPort, serviceName, mediaPath, productionEmail, pcce, null);
    }

    /**
     * post-7: the 12.0 base release's ReportsDB utility on the install media does not work (a defect the document
     * names); from 12.5 the media's copy is used, on 12.0 the one in the first patch (ES).
     */
    public boolean reportsUtilityOnMedia() {
        return version == null || !version.strip().equals("12.0");
    }
}
