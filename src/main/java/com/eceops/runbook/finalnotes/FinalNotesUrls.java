package com.eceops.runbook.finalnotes;

import com.eceops.runbook.estate.Ece;

/** The ECE URLs the final notes look at from outside. */
final class FinalNotesUrls {

    static final int HTTPS_PORT = 443;

    private FinalNotesUrls() {
    }

    /** The business partition's login page through the ECE URL (the load balancer). */
    static String loginUrl(Ece ece) {
        return loginUrl("https://" + ece.fqdn(), ece);
    }

    static String loginUrl(String base, Ece ece) {
        return base + "/" + ece.contextRoot() + "/" + ece.partition() + "/";
    }
}
