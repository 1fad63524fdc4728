package com.eceops.runbook.lab;

import java.util.List;

/**
 * What people do by hand for the final notes, applied to the lab when their task is completed in a rehearsal:
 * bind the signed certificate in IIS, set the partition's URL, import certificates into the shared keystore,
 * configure the load balancer, edit spog_config.js. Each lands in the ledger; doing it again as it is changes
 * nothing. The process then checks the result as it would on real servers.
 */
public final class LabFinalNotesPersons {

    private final RehearsalLab lab;

    LabFinalNotesPersons(RehearsalLab lab) {
        this.lab = lab;
    }

    /** final-1: the signed certificate bound to the ECE site in IIS on every web server. */
    public void bindCertificate(LabCertificate certificate) {
        for (var web : lab.estate().webServers()) {
            bindCertificate(web.name(), certificate);
        }
    }

    /** final-1 on one web server (IIS is configured per server; a person may forget one). */
    public void bindCertificate(String webServer, LabCertificate certificate) {
        lab.locked(() -> {
            LabContext context = lab.context();
            LabWebState web = context.state().web;
            String key = webServer.toLowerCase(java.util.Locale.ROOT);
            if (certificate.equals(web.certificates.get(key))) {
                return;
            }
            context.operation("bindCertificateByHand");
            context.record(webServer, "certificate of the ECE site", describe(web.certificates.get(key)), describe(certificate));
            web.certificates.put(key, certificate);
            lab.save();
        });
    }

    /** final-2: the business partition's "Web Server URL or Load Balancer URL", as typed in the ECE UI. */
    public void setPartitionUrl(String url) {
        lab.locked(() -> {
            LabContext context = lab.context();
            LabWebState web = context.state().web;
            if (url == null || url.equals(web.partitionUrl)) {
                return;
            }
            context.operation("setPartitionUrlByHand");
            context.record(context.estate().ece().fqdn(), "partition Web Server URL", web.partitionUrl, url);
            web.partitionUrl = url;
            lab.save();
        });
    }

    /**
     * final-5: the pool's active web servers, the cookie inserted for persistence (null: none) and the kind of
     * health check. From then on the VIP answers.
     */
    public void configureLoadBalancer(List<String> activeWebServers, String persistenceCookie, boolean contentHealthCheck) {
        lab.locked(() -> {
            LabContext context = lab.context();
            LabWebState web = context.state().web;
            String before = web.loadBalancerConfigured ? describe(web.activeWebServers, web.persistenceCookie, web.contentHealthCheck) : "not configured";
            String after = describe(activeWebServers, persistenceCookie, contentHealthCheck);
            if (before.equals(after)) {
                return;
            }
            context.operation("configureLoadBalancerByHand");
            context.record(context.estate().loadBalancer().virtualIp(), "load balancer", before, after);
            web.loadBalancerConfigured = true;
            web.activeWebServers = new java.util.ArrayList<>(activeWebServers);
            web.persistenceCookie = persistenceCookie;
            web.contentHealthCheck = contentHealthCheck;
            lab.save();
        });
    }

    /**
     * final-3, final-4: keytool -importcert of a certificate the lab knows by {@code alias} ({@link LabKeystore})
     * into a JKS keystore file on a host; an alias already there is not imported again.
     */
    public void importCertificate(String host, String keystoreFile, String alias) {
        byte[] before = lab.windows().readFileBytes(host, keystoreFile).orElse(null);
        byte[] after = LabKeystore.withCertificate(before, alias);
        if (after == null) {
            return;
        }
        String directory = keystoreFile.substring(0, keystoreFile.lastIndexOf('\\'));
        lab.windows().ensureDirectory(host, directory);
        lab.windows().writeFile(host, keystoreFile, new String(after, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static String describe(LabCertificate c) {
        return c == null ? "none" : "CN=" + c.commonName() + " " + c.dnsNames() + " until " + c.notAfter()
                + (c.trusted() ? "" : " (untrusted issuer)");
    }

    private static String describe(List<String> active, String persistenceCookie, boolean contentHealthCheck) {
        return "active " + (active.isEmpty() ? "all" : String.join(",", active)) + ", "
                + (persistenceCookie != null ? "cookie insert " + persistenceCookie : "no stickiness")
                + ", " + (contentHealthCheck ? "content" : "status") + " health check";
    }
}
