package com.eceops.runbook.procedure.finalnotes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.eceops.runbook.technology.web.ServedCertificate;

/**
 * final-1's verdict on the certificate served on the ECE URL: valid now, its names cover the ECE FQDN, its
 * chain trusted. An untrusted chain fails too: agents' browsers and PCCE's Admin Workstations would refuse it
 * the same way. A good certificate that expires within the warning days passes with a warning.
 */
public record CertificateCheck(List<String> problems, String warning, long daysLeft) {

    public static CertificateCheck of(ServedCertificate certificate, String fqdn, int warningDays) {
        List<String> problems = new ArrayList<>();
        var now = certificate.checkedAt();
        if (now.isBefore(certificate.notBefore())) {
            problems.add("it is not valid before " + certificate.notBefore());
        }
        if (now.isAfter(certificate.notAfter())) {
            problems.add("it expired on " + certificate.notAfter());
        }
        if (certificate.dnsNames().isEmpty()) {
            problems.add("it has no subject alternative names (browsers ignore the common name "
                    + certificate.commonName() + "); request it with " + fqdn + " as a DNS name");
        } else if (certificate.dnsNames().stream().noneMatch(name -> CertificateNames.covers(name, fqdn))) {
            problems.add("its names " + certificate.dnsNames() + " do not cover " + fqdn);
        }
        if (!certificate.chainTrusted()) {
            problems.add("its chain (issuer " + certificate.issuer() + ") is not trusted: " + certificate.trustProblem()
                    + "; have it signed by a CA the browsers trust, or add your enterprise CA to the runbook host's trust store");
        }
        long daysLeft = Duration.between(now, certificate.notAfter()).toDays();
        String warning = problems.isEmpty() && daysLeft < warningDays
                ? "the certificate expires in " + daysLeft + " days (" + certificate.notAfter() + "), within the "
                        + warningDays + " days the inventory warns ahead: plan its renewal"
                : null;
        return new CertificateCheck(List.copyOf(problems), warning, daysLeft);
    }

    public boolean passed() {
        return problems.isEmpty();
    }
}
