package com.eceops.runbook.postinstall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;
import com.eceops.runbook.ece.EceComponent;
import com.eceops.runbook.ece.EceConfigFile;
import com.eceops.runbook.ece.SetupRun;
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
}
