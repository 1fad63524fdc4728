package com.eceops.runbook.procedure.postinstall;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** post-10 on one web server: reads both files back and checks the protocol, the name and the gadget URL. */
@Component("verifyWebServerValuesDelegate")
class VerifyWebServerValuesDelegate extends RunbookStep {

    VerifyWebServerValuesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        WebServerFiles web = WebServerFiles.of(run, host(execution));
        String js = run.ece().readConfigFile(web.host(), EceConfigFile.ECE_CONFIG_JS);
        String xml = run.ece().readConfigFile(web.host(), EceConfigFile.AGENT_XML);
        List<String> findings = new ArrayList<>();
        expect(findings, WebServerFiles.PROTOCOL_VAR, WebServerConfigText.jsVarValue(js, WebServerFiles.PROTOCOL_VAR),
                WebServerFiles.PROTOCOL);
        expect(findings, WebServerFiles.NAME_VAR, WebServerConfigText.jsVarValue(js, WebServerFiles.NAME_VAR), web.eceFqdn());
        Optional<String> gadget = WebServerConfigText.gadgetUrl(xml);
        String onEce = "https://" + web.eceSite();
        if (gadget.isEmpty() || !(gadget.get().equals(onEce) || gadget.get().startsWith(onEce + "/"))) {
            findings.add("gadget URL is " + gadget.orElse("missing") + ", not on " + onEce + "/");
        }
        for (EceConfigFile file : WebServerFiles.EDITED) {
            if (!run.windows().fileExists(web.host(), web.backup(file))) {
                findings.add("no backup " + web.backup(file));
            }
        }
        if (!findings.isEmpty()) {
            throw new OperationFailedException(web.host(), "verify the web server files", String.join("; ", findings));
        }
    }

    private static void expect(List<String> findings, String name, Optional<String> actual, String wanted) {
        if (!actual.equals(Optional.of(wanted))) {
            findings.add(name + " is " + actual.map(v -> "\"" + v + "\"").orElse("missing") + ", not \"" + wanted + "\"");
        }
    }
}
