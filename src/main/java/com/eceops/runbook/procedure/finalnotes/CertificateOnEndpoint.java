package com.eceops.runbook.procedure.finalnotes;

import com.eceops.runbook.estate.Ece;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.web.ServedCertificate;
import com.eceops.runbook.technology.web.WebEndpointOperations;

/**
 * The certificate one endpoint serves under the ECE FQDN (a web server's address before final-5, the ECE URL
 * after), judged by {@link CertificateCheck}. No handshake at all is a finding for the operator (no certificate
 * bound, or nothing answering), not an incident: it is what an unfinished task looks like.
 */
record CertificateOnEndpoint(String where, ServedCertificate certificate, CertificateCheck check, String failure) {

    static CertificateOnEndpoint read(WebEndpointOperations web, String where, String address, Ece ece) {
        try {
            ServedCertificate served = web.readServedCertificate(address, ece.httpsPort(), ece.fqdn());
            return new CertificateOnEndpoint(where, served, CertificateCheck.of(served, ece.fqdn(), ece.certificateWarningDays()), null);
        } catch (OperationFailedException e) {
            return new CertificateOnEndpoint(where, null, null, e.getMessage());
        }
    }

    boolean passed() {
        return failure == null && check.passed();
    }

    /** What is wrong, or null. */
    String problem() {
        if (failure != null) {
            return where + " gave no certificate: " + failure;
        }
        return check.passed() ? null : "the certificate served on " + where + ": " + String.join("; ", check.problems());
    }
}
