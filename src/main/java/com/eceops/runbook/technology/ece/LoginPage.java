package com.eceops.runbook.technology.ece;

import java.util.Locale;

import com.eceops.runbook.estate.LoginMarkers;

/** An HTTP answer for a partition's login page; the load balancer checks content, not only the status. */
public record LoginPage(String url, int status, String content) {

    /** The title every ECE page carries, the login page included. */
    public static final String ECE_TITLE = "Enterprise Chat and Email";

    /** {@link #showsLogin(LoginMarkers)} with the default markers. */
    public boolean showsLogin() {
        return showsLogin(LoginMarkers.DEFAULT);
    }

    /**
     * Whether this is the login page itself: status 200, every text of the login form's markup, and no text of an
     * error page. ECE's web server answers 200 with an error text when its application server is away, so the
     * status alone proves nothing (final-5); and the word "login" alone would pass an error page that offers a
     * link back to the login.
     */
    public boolean showsLogin(LoginMarkers markers) {
        String text = lower(content);
        return status == 200 && !markers.formMarkers().isEmpty()
                && markers.formMarkers().stream().allMatch(m -> text.contains(lower(m)))
                && markers.errorMarkers().stream().noneMatch(m -> text.contains(lower(m)));
    }

    public String describe() {
        return describe(LoginMarkers.DEFAULT);
    }

    /** Why this is not the login page, for a check's report. */
    public String describe(LoginMarkers markers) {
        if (showsLogin(markers)) {
            return url + " shows the ECE login page";
        }
        String text = content == null ? "" : content.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        String lowered = lower(content);
        String why = markers.errorMarkers().stream().filter(m -> lowered.contains(lower(m))).findFirst()
                .map(m -> "an error page (\"" + m + "\")")
                .orElseGet(() -> markers.formMarkers().stream().filter(m -> !lowered.contains(lower(m))).findFirst()
                        .map(m -> "no login form (\"" + m + "\" missing)").orElse("status " + status));
        return url + " answered " + status + " with \"" + (text.length() > 80 ? text.substring(0, 80) + "..." : text)
                + "\": " + why + ", not the ECE login page";
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
