package com.eceops.runbook.lab;

import java.time.Instant;
import java.util.List;

/** A certificate bound to the ECE site in the lab; {@code trusted} says whether its issuer is in the runbook host's trust store. */
public record LabCertificate(String commonName, List<String> dnsNames, Instant notBefore, Instant notAfter, String issuer,
                             boolean trusted) {

    public LabCertificate {
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    }
}
