package com.eceops.runbook.estate;

import java.util.List;

/**
 * What identifies ECE's login page in an answer (final-2, final-5, patch-4.4): every {@code formMarkers} text must
 * be in it (the login form's markup, not merely the word "login"), and no {@code errorMarkers} text (ECE's web
 * server answers 200 with an error text when its application server is away). Compared ignoring case. The
 * defaults fit ECE 12.5's page; a site whose page differs writes its own under {@code ece.loginPage}.
 */
public record LoginMarkers(List<String> formMarkers, List<String> errorMarkers) {

    public static final LoginMarkers DEFAULT = new LoginMarkers(
            List.of("Enterprise Chat and Email", "<form", "type=\"password\""),
            List.of("Service Unavailable", "Service is down"));

    public LoginMarkers {
        formMarkers = formMarkers == null ? List.of() : List.copyOf(formMarkers);
        errorMarkers = errorMarkers == null ? List.of() : List.copyOf(errorMarkers);
    }
}
