package com.eceops.runbook.procedure.finalnotes;

import java.util.Locale;

/**
 * Whether a certificate name covers a host name, as browsers decide (RFC 6125): exact match ignoring case, or a
 * wildcard that is the whole left-most label and stands for exactly one label ({@code *.massivedynamic.com}
 * covers {@code ece.massivedynamic.com}, not {@code massivedynamic.com} nor {@code a.ece.massivedynamic.com}).
 * Partial wildcards ({@code ec*.example.com}) and wildcards right under a top-level domain cover nothing.
 */
final class CertificateNames {

    private CertificateNames() {
    }

    static boolean covers(String certificateName, String host) {
        String name = normalise(certificateName);
        String target = normalise(host);
        if (name.isEmpty() || target.isEmpty()) {
            return false;
        }
        if (!name.contains("*")) {
            return name.equals(target);
        }
        if (!name.startsWith("*.") || name.indexOf('*', 1) >= 0) {
            return false;
        }
        String suffix = name.substring(1);
        if (suffix.chars().filter(c -> c == '.').count() < 2) {
            return false;
        }
        if (!target.endsWith(suffix)) {
            return false;
        }
        String firstLabel = target.substring(0, target.length() - suffix.length());
        return !firstLabel.isEmpty() && !firstLabel.contains(".");
    }

    private static String normalise(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
