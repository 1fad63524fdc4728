package com.eceops.runbook.procedure.eceinstall;

import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.EceInstallation;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Server;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * After inst-1.2, inst-2 and inst-3: on a collocated server the Cisco service and the ECE home exist; on a web
 * server the web server component and its ECE home. Reads only; what is missing goes back with the setup task.
 */
@Component("verifyEceInstallationDelegate")
class VerifyEceInstallationDelegate extends RunbookStep {

    VerifyEceInstallationDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        Server server = run.estate().server(host).orElseThrow();
        String expectedHome = server.eceHome() != null ? server.eceHome()
                : server.collocated() ? run.estate().paths().eceHome() : run.estate().paths().webEceHome();
        EceInstallation installation = run.ece().readInstallation(host);
        List<String> missing = new ArrayList<>();
        if (installation.eceHome() == null || !installation.eceHome().equalsIgnoreCase(expectedHome)) {
            missing.add("the ECE home " + expectedHome + " (found " + installation.eceHome() + ")");
        }
        if (server.collocated()) {
            if (!installation.ciscoServicePresent() || !run.windows().readService(host, run.estate().ece().serviceName()).exists()) {
                missing.add("the " + run.estate().ece().serviceName() + " service");
            }
        } else if (!installation.components().contains(EceComponent.WEB_SERVER)) {
            missing.add("the Web Server component");
        }
        EceVariables.SETUP_VERIFIED.set(execution, missing.isEmpty());
        EceVariables.SETUP_CHECK_REPORT.set(execution, missing.isEmpty()
                ? "ECE is installed on " + host
                : "On " + host + " setup left no " + String.join(" and no ", missing) + ": run setup again");
    }
}
