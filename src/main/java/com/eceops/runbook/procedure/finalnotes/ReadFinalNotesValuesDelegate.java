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
        execution.setVariable(FinalNotesVariables.ECE_FQDN, ece.fqdn());
        execution.setVariable(FinalNotesVariables.ECE_URL, "https://" + ece.fqdn());
        execution.setVariable(FinalNotesVariables.LOGIN_URL, FinalNotesUrls.partitionUrl(ece));
        execution.setVariable(FinalNotesVariables.PARTITION, ece.partition());
        execution.setVariable(FinalNotesVariables.KEYSTORE_DIRECTORY, SharedKeystore.directory(estate));
        execution.setVariable(FinalNotesVariables.KEYSTORE_FILE, SharedKeystore.file(estate));
        execution.setVariable(FinalNotesVariables.KEYSTORE_HOST, SharedKeystore.host(estate));
        execution.setVariable(FinalNotesVariables.PCCE, ece.pcce());
        execution.setVariable(FinalNotesVariables.PRIVATE_CA_MAIL_SERVERS, ece.privateCaMailServers());
        execution.setVariable(FinalNotesVariables.SINGLE_SIGN_ON, ece.singleSignOn());
        execution.setVariable(FinalNotesVariables.WARNING_DAYS, ece.certificateWarningDays());
        execution.setVariable(FinalNotesVariables.SPOG_CONFIG_PATH,
                estate.paths().webEceHome() + "\\" + EceConfigFile.SPOG_CONFIG_JS.relativePath());
        execution.setVariable(FinalNotesVariables.LOAD_BALANCER_VIP, estate.loadBalancer().virtualIp());
        execution.setVariable(FinalNotesVariables.INVENTORY_PERSISTENCE_COOKIE, estate.loadBalancer().persistenceCookie());
        execution.setVariable(FinalNotesVariables.ADMIN_WORKSTATIONS, ece.adminWorkstations().isEmpty()
                ? "not named in the inventory (ece.adminWorkstations): every Admin Workstation of the PCCE deployment"
                : String.join(", ", ece.adminWorkstations()));
    }
}
