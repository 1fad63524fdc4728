package com.eceops.runbook.procedure.finalnotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.procedure.postinstall.WebServerConfigText;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * final-6, after the operator's task (PCCE only): spog_config.js on every web server must say
 * {@code var web_server_name = "<ECE FQDN>"}, read back from the file; the Admin Workstations' keystores and their
 * Apache Tomcat restart are outside the runbook's reach and are confirmed by the operator.
 */
@Component("checkPcceGadgetDelegate")
public class CheckPcceGadgetDelegate extends RunbookStep {

    public static final String NAME_VAR = "web_server_name";

    CheckPcceGadgetDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String fqdn = run.estate().ece().fqdn();
        List<String> problems = new ArrayList<>();
        for (Server web : run.estate().webServers()) {
            // A file that cannot be read at all is a technical failure (retry, then incident), not the operator's.
            String content = run.ece().readConfigFile(web.name(), EceConfigFile.SPOG_CONFIG_JS);
            Optional<String> name = WebServerConfigText.jsVarValue(content, NAME_VAR);
            if (!name.equals(Optional.of(fqdn))) {
                problems.add("spog_config.js on " + web.name() + " has " + NAME_VAR + " "
                        + name.map(v -> "\"" + v + "\"").orElse("missing") + ", not \"" + fqdn + "\"");
            }
        }
        if (!CheckOutcome.ticked(execution, FinalNotesVariables.ADMIN_WORKSTATIONS_TRUST_ECE)) {
            problems.add("confirm that the ECE certificate is in the keystore of every Admin Workstation");
        }
        if (!CheckOutcome.ticked(execution, FinalNotesVariables.TOMCAT_RESTARTED)) {
            problems.add("confirm that Apache Tomcat was restarted on every Admin Workstation");
        }
        CheckOutcome.of(execution, FinalNotesVariables.PCCE_GADGET_VERIFIED, FinalNotesVariables.PCCE_GADGET_CHECK_REPORT,
                problems, "spog_config.js names " + fqdn + " on every web server; Admin Workstations confirmed");
    }
}
