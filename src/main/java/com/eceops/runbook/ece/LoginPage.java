package com.eceops.runbook.ece;

import java.util.Locale;

/** An HTTP answer for a partition's login page; the load balancer checks content, not only the status. */
public record LoginPage(String url, int status, String content) {

    /** The title every ECE page carries, the login page included. */
    public static final String ECE_TITLE = "Enterprise Chat and Email";

    /**
     * Whether this is the login page itself: status 200, ECE's title and a login form, and no "Service
     * Unavailable" text. ECE's web server answers 200 with an error text when its application server is away, so
     * the status alone proves nothing (final-5).
     */
    public boolean showsLogin() {
        String text = content == null ? "" : content.toLowerCase(Locale.ROOT);
        return status == 200 && text.contains(ECE_TITLE.toLowerCase(Locale.ROOT)) && text.contains("login")
                && !text.contains("service unavailable");
    }

    /** Why this is not the login page, for a check's report. */
    public String describe() {
        if (showsLogin()) {
            return url + " shows the ECE login page";
        }
        String text = content == null ? "" : content.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return url + " answered " + status + " with \"" + (text.length() > 80 ? text.substring(0, 80) + "..." : text)
                + "\", not the ECE login page";
    }
}
