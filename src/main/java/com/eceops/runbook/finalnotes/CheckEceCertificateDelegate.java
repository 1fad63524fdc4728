package com.eceops.runbook.finalnotes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.web.ServedCertificate;

/**
 * final-1, after the operator's task: the certificate served on https://&lt;ECE FQDN&gt;/ must be valid now, name
 * the ECE FQDN and have a trusted chain. No handshake at all is a finding for the operator too (no certificate
 * bound, or the site not reachable), not an incident: it is what an unfinished task looks like.
 */
@Component("checkEceCertificateDelegate")
class CheckEceCertificateDelegate extends RunbookStep {

    CheckEceCertificateDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String fqdn = run.estate().ece().fqdn();
        String where = "https://" + fqdn + "/";
        ServedCertificate certificate;
        try {
            certificate = run.web().readServedCertificate(fqdn, FinalNotesUrls.HTTPS_PORT);
        } catch (OperationFailedException e) {
            CheckOutcome.failed(execution, FinalNotesVariables.CERTIFICATE_VERIFIED, FinalNotesVariables.CERTIFICATE_CHECK_REPORT,
                    where + " gave no certificate: " + e.getMessage());
            return;
        }
        CertificateCheck check = CertificateCheck.of(certificate, fqdn, run.estate().ece().certificateWarningDays());
        execution.setVariable(FinalNotesVariables.CERTIFICATE_DAYS_LEFT, check.daysLeft());
        execution.setVariable(FinalNotesVariables.CERTIFICATE_WARNING, check.warning());
        if (check.passed()) {
            CheckOutcome.passed(execution, FinalNotesVariables.CERTIFICATE_VERIFIED, FinalNotesVariables.CERTIFICATE_CHECK_REPORT,
                    where + " serves a trusted certificate for " + fqdn + ", valid until " + certificate.notAfter()
                            + (check.warning() != null ? "; warning: " + check.warning() : ""));
        } else {
            CheckOutcome.failed(execution, FinalNotesVariables.CERTIFICATE_VERIFIED, FinalNotesVariables.CERTIFICATE_CHECK_REPORT,
                    "The certificate served on " + where + ": " + String.join("; ", check.problems()));
        }
    }
}
