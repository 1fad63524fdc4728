package com.eceops.runbook.procedure.eceinstall;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * inst-1.1 to inst-3: puts the installer's answers from the inventory into variables for the setup forms.
 * Accounts are named, never their passwords: the operator types those from the vault.
 */
@Component("readInstallerValuesDelegate")
class ReadInstallerValuesDelegate extends RunbookStep {

    ReadInstallerValuesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        values(run.estate()).forEach(execution::setVariable);
    }

    static Map<String, Object> values(Estate estate) {
        String domain = estate.domain().netbios();
        var ag = estate.availabilityGroup();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("dfsUncPath", estate.dfs().path());
        values.put("listenerFqdn", estate.fqdn(ag.listenerName()));
        values.put("listenerPort", ag.listenerPort());
        values.put("sqlDataPath", estate.paths().sqlData());
        values.put("ssisPath", estate.paths().ssisDirectory());
        values.put("sqlServiceAccount", domain + "\\" + estate.accounts().sqlService().name());
        values.put("eceServiceAccount", domain + "\\" + estate.accounts().eceService().name());
        values.put("eceHome", estate.sideA().collocated().eceHome() == null ? estate.paths().eceHome()
                : estate.sideA().collocated().eceHome());
        values.put("webEceHome", estate.paths().webEceHome());
        values.put("sharedDirectory", estate.paths().sharedDirectory());
        values.put("contextRoot", estate.ece().contextRoot());
        values.put("partition", estate.ece().partition());
        values.put("sideACollocated", estate.sideA().collocated().name());
        values.put("sideBCollocated", estate.sideB().collocated().name());
        return values;
    }
}
