package com.eceops.runbook.procedure.finalnotes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.eceops.runbook.estate.Ece;

/**
 * final-2: the business partition's "Web Server URL or Load Balancer URL" must be exactly
 * {@code https://<ECE FQDN>}: the protocol included (the document warns that without it ECE behaves erratically),
 * no port (unless the site is on another port than 443, {@code ece.httpsPort}: then exactly that one), no path, not
 * even a trailing slash, because ECE appends its own paths to it.
 */
final class PartitionUrlRule {

    private PartitionUrlRule() {
    }

    static List<String> problems(String typed, String fqdn, int httpsPort) {
        List<String> problems = new ArrayList<>();
        boolean defaultPort = httpsPort == Ece.DEFAULT_HTTPS_PORT;
        String wanted = "https://" + fqdn + (defaultPort ? "" : ":" + httpsPort);
        if (typed == null || typed.isBlank()) {
            problems.add("no URL was given; type the value set in the partition, " + wanted);
            return problems;
        }
        if (!typed.equals(typed.strip())) {
            problems.add("'" + typed + "' has spaces around it");
        }
        String url = typed.strip();
        if (!url.contains("://")) {
            problems.add("'" + url + "' has no protocol; the document requires it: " + wanted);
            return problems;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            problems.add("'" + url + "' is not a URL: " + e.getReason());
            return problems;
        }
        if (!"https".equals(uri.getScheme())) {
            problems.add("'" + url + "' uses " + uri.getScheme() + ", not https");
        }
        if (uri.getHost() == null || !uri.getHost().toLowerCase(Locale.ROOT).equals(fqdn.toLowerCase(Locale.ROOT))) {
            problems.add("'" + url + "' names " + uri.getHost() + ", not the ECE FQDN " + fqdn);
        }
        if (defaultPort && uri.getPort() != -1) {
            problems.add("'" + url + "' has a port; the ECE URL is " + wanted);
        } else if (!defaultPort && uri.getPort() != httpsPort) {
            problems.add("'" + url + "' does not name the site's port " + httpsPort + "; the ECE URL is " + wanted);
        }
        if (uri.getUserInfo() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add("'" + url + "' has more than the protocol and the name; set exactly " + wanted);
        }
        return problems;
    }
}
