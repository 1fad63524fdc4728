package com.eceops.runbook.procedure.finalnotes;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Server;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * final-1, after the operator's task: IIS is configured per server, so the certificate is read on each web server
 * directly (its address, the ECE FQDN as SNI): valid now, naming the ECE FQDN, chain trusted. The load balancer
 * does not answer before final-5; its check reads the certificate through the ECE URL again. The thumbprint is kept
 * for final-6 (Admin Workstations import this certificate); a thumbprint is public, not a secret.
 */
@Component("checkEceCertificateDelegate")
class CheckEceCertificateDelegate extends RunbookStep {

    CheckEceCertificateDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String fqdn = run.estate().ece().fqdn();
        List<String> problems = new ArrayList<>();
        List<String> thumbprints = new ArrayList<>();
        String warning = null;
        Long daysLeft = null;
        for (Server web : run.estate().webServers()) {
            CertificateOnEndpoint served = CertificateOnEndpoint.read(run.web(), web.name() + " (" + web.ip() + ")", web.ip(), run.estate().ece());
            if (!served.passed()) {
                problems.add(served.problem());
                continue;
            }
            if (!thumbprints.contains(served.certificate().sha256())) {
                thumbprints.add(served.certificate().sha256());
            }
            warning = warning != null ? warning : served.check().warning();
            daysLeft = daysLeft == null ? served.check().daysLeft() : Math.min(daysLeft, served.check().daysLeft());
        }
        FinalNotesVariables.CERTIFICATE_DAYS_LEFT.set(execution, daysLeft);
        FinalNotesVariables.CERTIFICATE_WARNING.set(execution, warning);
        FinalNotesVariables.CERTIFICATE_THUMBPRINT.set(execution, String.join(", ", thumbprints));
        CheckOutcome.of(execution, FinalNotesVariables.CERTIFICATE_VERIFIED, FinalNotesVariables.CERTIFICATE_CHECK_REPORT, problems,
                "Every web server serves a trusted certificate for " + fqdn + " (SHA-256 " + String.join(", ", thumbprints) + ")"
                        + (warning != null ? "; warning: " + warning : ""));
    }
}
