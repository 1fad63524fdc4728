package com.eceops.runbook.procedure.postinstall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;
import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.technology.ece.SetupRun;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.lab.LedgerEntry;

/**
 * post-10 in rehearsal on a lab where ECE setup has run on both web servers: each gets its two backups and the
 * ECE name on https in ece_config.js and agent.xml; a rerun under the same key changes nothing.
 */
class ConfigureWebServersProcessTest extends SectionProcessTest {

    private static final String ECE = "ece.massivedynamic.com";

    @Test
    void bothWebServersGetBackupsAndTheEceNameOnHttpsAndARerunChangesNothing() {
        EarlierSteps lab = prepare(null);
        List<String> webServers = lab.lab().estate().webServers().stream().map(Server::name).toList();
        String home = lab.lab().estate().paths().webEceHome();
        assertThat(webServers).hasSize(2);
        assertThat(lab.lab().estate().ece().fqdn()).isEqualTo(ECE);
        for (String web : webServers) {
            lab.lab().ece().recordSetupRun(web, new SetupRun(Set.of(EceComponent.WEB_SERVER), Map.of(SetupRun.ECE_HOME, home)));
        }
        String originalJs = lab.lab().ece().readConfigFile(webServers.get(0), EceConfigFile.ECE_CONFIG_JS);
        assertThat(originalJs).contains("var web_server_protocol = \"http\";");
        int ledgerBefore = lab.lab().ledger().size();

        ProcessInstance run = start("ConfigureWebServers", lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("StartEvent_WebConfigRequested", "SubProcess_ConfigureWebServer",
                "StartEvent_WebServerSelected", "Task_BackUpWebServerFiles", "Task_SetWebServerValues",
                "Task_VerifyWebServerValues", "EndEvent_WebServerConfigured", "EndEvent_WebServersConfigured");
        for (String web : webServers) {
            String js = lab.lab().ece().readConfigFile(web, EceConfigFile.ECE_CONFIG_JS);
            String xml = lab.lab().ece().readConfigFile(web, EceConfigFile.AGENT_XML);
            assertThat(js).isEqualTo("var web_server_protocol = \"https\";\nvar web_server_name = \"" + ECE + "\";\n");
            assertThat(xml).isEqualTo("<gadget>https://" + ECE + "/ece/finesse/gadget/agent/agent.xml</gadget>\n");
            String jsBackup = home + "\\" + EceConfigFile.ECE_CONFIG_JS.relativePath() + ".post-10.bak";
            String xmlBackup = home + "\\" + EceConfigFile.AGENT_XML.relativePath() + ".post-10.bak";
            assertThat(lab.lab().windows().readFile(web, jsBackup))
                    .contains("var web_server_protocol = \"http\";\nvar web_server_name = \"" + web + "\";\n");
            assertThat(lab.lab().windows().readFile(web, xmlBackup))
                    .contains("<gadget>http://" + web + "/ece/finesse/gadget/agent/agent.xml</gadget>\n");
        }
        List<LedgerEntry> ledger = lab.lab().ledger();
        assertThat(ledger.size() - ledgerBefore).isEqualTo(2 * (2 + 2));

        int ledgerAfterFirstRun = ledger.size();
        ProcessInstance rerun = start("ConfigureWebServers", lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(rerun).isEnded().hasPassed("EndEvent_WebServersConfigured");
        assertThat(rerun.getBusinessKey()).isEqualTo(run.getBusinessKey());
        assertThat(lab.lab().ledger()).hasSize(ledgerAfterFirstRun);
        for (String web : webServers) {
            assertThat(lab.lab().windows().readFile(web, home + "\\" + EceConfigFile.ECE_CONFIG_JS.relativePath() + ".post-10.bak"))
                    .hasValueSatisfying(b -> assertThat(b).contains("\"http\""));
        }
    }

    @Test
    void aFileWithoutTheVariableOrTheGadgetStopsThatWebServerWithAnIncidentAndBothItsFilesAsTheyWere() {
        EarlierSteps lab = prepare(null);
        String home = lab.lab().estate().paths().webEceHome();
        String webA = lab.lab().estate().sideA().web().name();
        String webB = lab.lab().estate().sideB().web().name();
        for (String web : List.of(webA, webB)) {
            lab.lab().ece().recordSetupRun(web, new SetupRun(Set.of(EceComponent.WEB_SERVER), Map.of(SetupRun.ECE_HOME, home)));
        }
        // Someone edited these by hand before: VM-2A's ece_config.js lost web_server_protocol, VM-2B's agent.xml its <gadget>.
        String jsWithoutProtocol = "var web_server_name = \"" + webA + "\";\n";
        String xmlWithoutGadget = "<layout><column/></layout>\n";
        lab.lab().ece().writeConfigFile(webA, EceConfigFile.ECE_CONFIG_JS, jsWithoutProtocol);
        lab.lab().ece().writeConfigFile(webB, EceConfigFile.AGENT_XML, xmlWithoutGadget);
        String webBJs = lab.lab().ece().readConfigFile(webB, EceConfigFile.ECE_CONFIG_JS);
        String webAXml = lab.lab().ece().readConfigFile(webA, EceConfigFile.AGENT_XML);

        ProcessInstance run = start("ConfigureWebServers", lab, Map.of());
        driver.runUntilIdle(lab.key());

        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(run.getId()).list();
        assertThat(incidents).extracting(Incident::getActivityId).containsExactly("Task_SetWebServerValues", "Task_SetWebServerValues");
        assertThat(incidents).extracting(Incident::getIncidentMessage).anySatisfy(message -> assertThat(message)
                .contains("post-10", "Set the ECE name and https in both files", webA, "ece_config.js", "no var web_server_protocol"));
        assertThat(incidents).extracting(Incident::getIncidentMessage).anySatisfy(message -> assertThat(message)
                .contains("post-10", webB, "agent.xml", "no <gadget> URL"));
        assertThat(run).isNotEnded();
        assertThat(lab.lab().ece().readConfigFile(webA, EceConfigFile.ECE_CONFIG_JS)).isEqualTo(jsWithoutProtocol);
        assertThat(lab.lab().ece().readConfigFile(webA, EceConfigFile.AGENT_XML)).isEqualTo(webAXml);
        assertThat(lab.lab().ece().readConfigFile(webB, EceConfigFile.ECE_CONFIG_JS)).isEqualTo(webBJs);
        assertThat(lab.lab().ece().readConfigFile(webB, EceConfigFile.AGENT_XML)).isEqualTo(xmlWithoutGadget);
        assertThat(lab.lab().windows().readFile(webA, home + "\\" + EceConfigFile.ECE_CONFIG_JS.relativePath() + ".post-10.bak"))
                .hasValue(jsWithoutProtocol);

        // Put right by hand, the failed steps retried from Cockpit finish the run.
        lab.lab().ece().writeConfigFile(webA, EceConfigFile.ECE_CONFIG_JS, "var web_server_protocol = \"http\";\n" + jsWithoutProtocol);
        lab.lab().ece().writeConfigFile(webB, EceConfigFile.AGENT_XML, "<gadget>http://" + webB + "/ece/finesse/gadget/agent/agent.xml</gadget>\n");
        for (Incident incident : incidents) {
            engine.getManagementService().setJobRetries(incident.getConfiguration(), 1);
        }
        driver.runUntilIdle(lab.key());
        assertThat(run).isEnded().hasPassed("EndEvent_WebServersConfigured");
        assertThat(lab.lab().ece().readConfigFile(webB, EceConfigFile.AGENT_XML)).contains("<gadget>https://" + ECE + "/");
    }
}
