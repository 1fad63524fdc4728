package com.eceops.runbook.procedure.finalnotes;

import com.eceops.runbook.estate.Ece;

/**
 * The ECE URLs the final notes look at from outside. The document gives a partition's URL as
 * {@code https://<ECE FQDN>/<partition>} (business: .../default, system: .../system); the web server redirects
 * from there to the login page, and the checks follow that redirect. The installer's context root is not part of
 * the URL users type.
 */
public final class FinalNotesUrls {

    private FinalNotesUrls() {
    }

    /** The business partition's URL through the ECE URL (the load balancer once final-5 is done). */
    static String partitionUrl(Ece ece) {
        return ece.siteUrl() + "/" + ece.partition();
    }
}
