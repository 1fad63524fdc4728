package com.eceops.runbook.technology.web;

import java.time.Instant;
import java.util.List;

/**
 * The certificate a server presented in a TLS handshake: its subject's common name, its DNS names (subject
 * alternative names), validity, issuer, whether the runbook host's trust store accepts the chain
 * ({@code trustProblem} says why not) and its SHA-256 thumbprint (hex, upper case, no separators; public, not a
 * secret). {@code checkedAt} is when the handshake happened, on the clock of whoever made it (the lab's virtual
 * clock in a rehearsal), so validity is judged against the same clock.
 */
public record ServedCertificate(String commonName, List<String> dnsNames, Instant notBefore, Instant notAfter,
                                String issuer, boolean chainTrusted, String trustProblem, Instant checkedAt,
                                String sha256) {

    public ServedCertificate {
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    }

    public ServedCertificate(String commonName, List<String> dnsNames, Instant notBefore, Instant notAfter,
                             String issuer, boolean chainTrusted, String trustProblem, Instant checkedAt) {
        this(commonName, dnsNames, notBefore, notAfter, issuer, chainTrusted, trustProblem, checkedAt, null);
    }
}
