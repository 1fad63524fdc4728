package com.eceops.runbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunDriver;
import com.eceops.runbook.RunbookApplicationTest;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;
import com.eceops.runbook.sql.AvailabilityGroupState;

/** The top-level "Install ECE HA" run in rehearsal, every task answered from the sample's answers file. */
class InstallEceHaProcessTest extends RunbookApplicationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    HistoryService history;
    @Autowired
    RehearsalLabs labs;

    private RunDriver driver;

    @BeforeEach
    void drive() {
        BpmnAwareTests.init(engine);
        driver = new RunDriver(engine);
    }

    @Test
    void theWholeChainTakesBareServersToEceDatabasesInTheGroupWithTheFormsAnswered() {
        ProcessInstance run = driver.start("InstallEceHa", Map.of("estate", SAMPLE, "runMode", "rehearsal"));
        driver.answerEveryTaskUntilTheRunEnds(run.getBusinessKey(), PreinstallationProcessTest.SAMPLE_ANSWERS::forTask);

        assertThat(run).isEnded().hasPassed("CallActivity_Preinstallation", "CallActivity_InstallEce",
                "CallActivity_PostInstallation", "CallActivity_SqlServerJobs", "CallActivity_ConfigureWebServers", "EndEvent_EceHaInstalled");
        List<String> sections = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(run.getBusinessKey())
                .list().stream().map(HistoricProcessInstance::getProcessDefinitionKey).toList();
        assertThat(sections).contains("Preinstallation", "InstallEce", "PostInstallation", "SqlServerJobs", "ConfigureWebServers")
                .allMatch(key -> !key.isEmpty());
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName("primaryReplica").singleResult().getValue()).isEqualTo("CC2K125ECEAA");

        RehearsalLab lab = labs.find(run.getBusinessKey()).orElseThrow();
        AvailabilityGroupState group = lab.sql().readAvailabilityGroup("CC2K125ECEAA", "CC2K125ECEDB");
        assertThat(group.healthy()).isTrue();
        assertThat(group.databases()).extracting(AvailabilityGroupState.DatabaseReplicaState::database)
                .contains("eGActiveDB", "eGMasterDB", "eGReportsDB").doesNotContain("SSISDB");
        assertThat(lab.ece().readInstallation("CC2K125ECEWB").eceHome()).isEqualTo("C:\\ECE");
        for (String web : List.of("CC2K125ECEWA", "CC2K125ECEWB")) {
            assertThat(lab.ece().readConfigFile(web, com.eceops.runbook.ece.EceConfigFile.ECE_CONFIG_JS))
                    .contains("var web_server_protocol = \"https\";", "var web_server_name = \"" + lab.estate().ece().fqdn() + "\";");
            assertThat(lab.ece().readConfigFile(web, com.eceops.runbook.ece.EceConfigFile.AGENT_XML))
                    .contains("<gadget>https://" + lab.estate().ece().fqdn() + "/");
        }
    }
}
