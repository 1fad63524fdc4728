package com.eceops.runbook.procedure.eceinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** inst-3: for one web server, its same-side application server (FQDN) and Jetty port, local to its branch. */
@Component("readWebServerValuesDelegate")
class ReadWebServerValuesDelegate extends RunbookStep {

    ReadWebServerValuesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        Server web = run.estate().server(host).orElseThrow(
                () -> new OperationFailedException(host, "read the web server's values", "not in the inventory"));
        EceVariables.APPLICATION_SERVER_FQDN.setLocal(execution, run.estate().fqdn(web.applicationServer()));
        EceVariables.JETTY_PORT.setLocal(execution, run.estate().ece().jettyPort());
        EceVariables.WEB_SERVER_ECE_HOME.setLocal(execution, web.eceHome() == null ? run.estate().paths().webEceHome() : web.eceHome());
    }
}
