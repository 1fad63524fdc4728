package com.eceops.runbook.procedure.finalnotes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.estate.Ece;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * The inventory's values the final notes' forms show: the ECE URL and the partition's URL, the shared keystore
 * (Shared Directory\env\jdk), spog_config.js, the web servers, the load balancer's VIP and persistence cookie, the
 * Admin Workstations, and which items apply (PCCE, private-CA mail servers, SSO). Reads nothing from the servers.
 */
@Component("readFinalNotesValuesDelegate")
class ReadFinalNotesValuesDelegate extends RunbookStep {

    ReadFinalNotesValuesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        Estate estate = run.estate();
        Ece ece = estate.ece();
        FinalNotesVariables.ECE_FQDN.set(execution, ece.fqdn());
        FinalNotesVariables.ECE_URL.set(execution, ece.siteUrl());
        FinalNotesVariables.LOGIN_URL.set(execution, FinalNotesUrls.partitionUrl(ece));
        FinalNotesVariables.PARTITION.set(execution, ece.partition());
        FinalNotesVariables.KEYSTORE_DIRECTORY.set(execution, SharedKeystore.directory(estate));
        FinalNotesVariables.KEYSTORE_FILE.set(execution, SharedKeystore.file(estate));
        FinalNotesVariables.KEYSTORE_HOST.set(execution, SharedKeystore.host(estate));
        FinalNotesVariables.PCCE.set(execution, ece.pcce());
        FinalNotesVariables.PRIVATE_CA_MAIL_SERVERS.set(execution, ece.privateCaMailServers());
        FinalNotesVariables.SINGLE_SIGN_ON.set(execution, ece.singleSignOn());
        FinalNotesVariables.WARNING_DAYS.set(execution, ece.certificateWarningDays());
        FinalNotesVariables.SPOG_CONFIG_PATH.set(execution,
                estate.paths().webEceHome() + "\\" + EceConfigFile.SPOG_CONFIG_JS.relativePath());
        FinalNotesVariables.LOAD_BALANCER_VIP.set(execution, estate.loadBalancer().virtualIp());
        FinalNotesVariables.INVENTORY_PERSISTENCE_COOKIE.set(execution, estate.loadBalancer().persistenceCookie());
        FinalNotesVariables.ADMIN_WORKSTATIONS.set(execution, ece.adminWorkstations().isEmpty()
                ? "not named in the inventory (ece.adminWorkstations): every Admin Workstation of the PCCE deployment"
                : String.join(", ", ece.adminWorkstations()));
    }
}
