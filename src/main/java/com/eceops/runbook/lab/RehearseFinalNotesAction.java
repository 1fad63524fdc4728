package com.eceops.runbook.lab;

import com.eceops.runbook.procedure.finalnotes.CertificateCheck;
import com.eceops.runbook.procedure.finalnotes.CheckPcceGadgetDelegate;
import com.eceops.runbook.procedure.finalnotes.FinalNotesVariables;
import com.eceops.runbook.procedure.finalnotes.SharedKeystore;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.lab.LabCertificate;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.procedure.postinstall.WebServerConfigText;

import com.eceops.runbook.technology.web.ServedCertificate;
import com.eceops.runbook.run.Var;

/**
 * In a rehearsal, applies to the lab what the person says was done in a final-notes task: a certificate bound in
 * IIS (signed by the enterprise CA, for the ECE FQDN, a year long), the partition URL as typed, certificates
 * imported into the shared keystore, the load balancer configured as confirmed, spog_config.js edited. What the
 * person did not say was done is not applied, and the check after the task sends it back. On a live run it
 * does nothing; a plan run walks a lab of its own, so it acts there too.
 */
@Component("rehearseFinalNotesAction")
class RehearseFinalNotesAction extends PersonsWorkListener {

    RehearseFinalNotesAction(RunLabs runs) {
        super(runs, RehearseFinalNotesAction::perform);
    }

    /** The person's work on {@code lab}, with the task's variables ({@link PersonsWork}). */
    static void perform(RehearsalLab lab, String taskKey, VariableScope task) {
        Estate estate = lab.estate();
        switch (taskKey) {
            case "Task_BindEceCertificate" -> {
                if (ticked(task, FinalNotesVariables.CERTIFICATE_BOUND)) {
                    bindCertificate(lab);
                }
            }
            case "Task_SetPartitionUrl" -> {
                lab.finalNotesPersons().setPartitionUrl(FinalNotesVariables.PARTITION_URL.from(task).orElse(null));
            }
            case "Task_ImportMailServerCertificates" -> importIfSaid(task, lab, FinalNotesVariables.MAIL, "mail-server-ca");
            case "Task_ImportSsoCertificates" -> importIfSaid(task, lab, FinalNotesVariables.SSO, "cisco-ids");
            case "Task_ConfigureLoadBalancer" -> {
                if (ticked(task, FinalNotesVariables.ONE_WEB_SERVER_ACTIVE) && ticked(task, FinalNotesVariables.COOKIE_INSERT_CONFIGURED)
                        && ticked(task, FinalNotesVariables.CONTENT_HEALTH_CHECK_CONFIGURED)) {
                    lab.finalNotesPersons().configureLoadBalancer(List.of(estate.sideA().web().name()), cookieName(task, estate), true);
                }
            }
            case "Task_PrepareEceGadgetForPcce" -> {
                if (ticked(task, FinalNotesVariables.SPOG_CONFIG_EDITED)) {
                    for (Server web : estate.webServers()) {
                        String content = lab.ece().readConfigFile(web.name(), EceConfigFile.SPOG_CONFIG_JS);
                        lab.ece().writeConfigFile(web.name(), EceConfigFile.SPOG_CONFIG_JS,
                                WebServerConfigText.withJsVar(content, CheckPcceGadgetDelegate.NAME_VAR, estate.ece().fqdn()));
                    }
                }
            }
            default -> {
            }
        }
    }

    /** The cookie the person configures: the inventory's name, else the one typed in the task. */
    private static String cookieName(VariableScope task, Estate estate) {
        if (estate.loadBalancer().persistenceCookie() != null) {
            return estate.loadBalancer().persistenceCookie();
        }
        String typed = FinalNotesVariables.PERSISTENCE_COOKIE.from(task).orElse(null);
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /** Binds a new certificate on each web server unless a good one is bound there: the operator does not replace a good certificate. */
    private static void bindCertificate(RehearsalLab lab) {
        String fqdn = lab.estate().ece().fqdn();
        var now = lab.clock().now();
        LabCertificate signed = new LabCertificate(fqdn, List.of(fqdn), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                "CN=" + lab.estate().domain().netbios() + " Issuing CA", true);
        for (Server web : lab.estate().webServers()) {
            try {
                ServedCertificate bound = lab.web().readServedCertificate(web.ip(), lab.estate().ece().httpsPort(), fqdn);
                if (CertificateCheck.of(bound, fqdn, lab.estate().ece().certificateWarningDays()).passed()) {
                    continue;
                }
            } catch (OperationFailedException noneBoundYet) {
                // Nothing answers with a certificate there: bind one.
            }
            lab.finalNotesPersons().bindCertificate(web.name(), signed);
        }
    }

    private static void importIfSaid(VariableScope task, RehearsalLab lab, FinalNotesVariables.KeystoreItem item, String alias) {
        if (FinalNotesVariables.IMPORTED.equals(item.choice().from(task).orElse(null))) {
            lab.finalNotesPersons().importCertificate(SharedKeystore.host(lab.estate()), SharedKeystore.file(lab.estate()), alias);
        }
    }

    private static boolean ticked(VariableScope task, Var<Boolean> variable) {
        return variable.orElse(task, false);
    }
}
