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

    /** final-1: the signed certificate bound to the ECE site in IIS on the web servers. */
    public void bindCertificate(LabCertificate certificate) {
        synchronized (lab) {
            LabContext context = lab.context();
            LabWebState web = context.state().web;
            if (certificate.equals(web.certificate)) {
                return;
            }
            context.operation("bindCertificateByHand");
            context.record(context.estate().ece().fqdn(), "certificate of the ECE site", describe(web.certificate),
                    describe(certificate));
            web.certificate = certificate;
            lab.save();
        }
    }

    /** final-2: the business partition's "Web Server URL or Load Balancer URL", as typed in the ECE UI. */
    public void setPartitionUrl(String url) {
        synchronized (lab) {
            LabContext context = lab.context();
            LabWebState web = context.state().web;
            if (url == null || url.equals(web.partitionUrl)) {
                return;
            }
            context.operation("setPartitionUrlByHand");
            context.record(context.estate().ece().fqdn(), "partition Web Server URL", web.partitionUrl, url);
            web.partitionUrl = url;
            lab.save();
        }
    }

    /** final-5: the pool's active web servers, cookie insert stickiness and the kind of health check. */
    public void configureLoadBalancer(List<String> activeWebServers, boolean cookieInsert, boolean contentHealthCheck) {
        synchronized (lab) {
            LabContext context = lab.context();
            LabWebState web = context.state().web;
            String before = describe(web.activeWebServers, web.cookieInsert, web.contentHealthCheck);
            String after = describe(activeWebServers, cookieInsert, contentHealthCheck);
            if (before.equals(after)) {
                return;
            }
            context.operation("configureLoadBalancerByHand");
            context.record(context.estate().loadBalancer().virtualIp(), "load balancer", before, after);
            web.activeWebServers = new java.util.ArrayList<>(activeWebServers);
            web.cookieInsert = cookieInsert;
            web.contentHealthCheck = contentHealthCheck;
            lab.save();
        }
    }

    /**
     * final-3, final-4, final-6: keytool -importcert of {@code alias} into a keystore file on a host (the lab keeps
     * the aliases as the file's lines); an alias already there is not imported again.
     */
    public void importCertificate(String host, String keystoreFile, String alias) {
        String content = lab.windows().readFile(host, keystoreFile).orElse("");
        if (content.lines().anyMatch(alias::equals)) {
            return;
        }
        String directory = keystoreFile.substring(0, keystoreFile.lastIndexOf('\\'));
        lab.windows().ensureDirectory(host, directory);
        lab.windows().writeFile(host, keystoreFile, content + alias + "\n");
    }

    private static String describe(LabCertificate c) {
        return c == null ? "none" : "CN=" + c.commonName() + " " + c.dnsNames() + " until " + c.notAfter()
                + (c.trusted() ? "" : " (untrusted issuer)");
    }

    private static String describe(List<String> active, boolean cookieInsert, boolean contentHealthCheck) {
        return "active " + (active.isEmpty() ? "all" : String.join(",", active)) + ", " + (cookieInsert ? "cookie insert" : "no stickiness")
                + ", " + (contentHealthCheck ? "content" : "status") + " health check";
    }
}
