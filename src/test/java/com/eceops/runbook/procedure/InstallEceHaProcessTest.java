package com.eceops.runbook.procedure;

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

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.RunDriver;
import com.eceops.runbook.RunbookApplicationTest;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/** The top-level "Install ECE HA" run in rehearsal, every task answered from the sample's answers file. */
class InstallEceHaProcessTest extends RunbookApplicationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    HistoryService history;
    @Autowired
    RehearsalLabs labs;
    @Autowired
    EstateRepository estates;

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
                "CallActivity_PostInstallation", "CallActivity_ReportsDatabase", "CallActivity_SqlServerJobs",
                "CallActivity_ConfigureWebServers", "CallActivity_FinalNotes", "EndEvent_EceHaInstalled")
                .hasNotPassed("Event_ReportsDatabaseDeferred");
        List<String> sections = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(run.getBusinessKey())
                .list().stream().map(HistoricProcessInstance::getProcessDefinitionKey).toList();
        assertThat(sections).contains("Preinstallation", "InstallEce", "PostInstallation", "ReportsDatabase", "SqlServerJobs",
                        "ConfigureWebServers", "FinalNotes")
                .allMatch(key -> !key.isEmpty());
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName("primaryReplica").singleResult().getValue()).isEqualTo("CC2K125ECEAA");

        RehearsalLab lab = labs.find(run.getBusinessKey()).orElseThrow();
        AvailabilityGroupState group = lab.sql().readAvailabilityGroup("CC2K125ECEAA", "CC2K125ECEDB");
        assertThat(group.healthy()).isTrue();
        assertThat(group.databases()).extracting(AvailabilityGroupState.DatabaseReplicaState::database)
                .contains("eGActiveDB", "eGMasterDB", "eGReportsDB").doesNotContain("SSISDB");
        // post-7 created the SSIS catalog on the install-time secondary, so post-8 could grant there too.
        assertThat(lab.sql().readDatabases("CC2K125ECEAB")).anyMatch(d -> d.name().equals("SSISDB"));
        assertThat(lab.sql().grantSsisCleanupPermissions("CC2K125ECEAB").changed()).isFalse();
        assertThat(lab.ece().readInstallation("CC2K125ECEWB").eceHome()).isEqualTo("C:\\ECE");
        for (String web : List.of("CC2K125ECEWA", "CC2K125ECEWB")) {
            assertThat(lab.ece().readConfigFile(web, com.eceops.runbook.technology.ece.EceConfigFile.ECE_CONFIG_JS))
                    .contains("var web_server_protocol = \"https\";", "var web_server_name = \"" + lab.estate().ece().fqdn() + "\";");
            assertThat(lab.ece().readConfigFile(web, com.eceops.runbook.technology.ece.EceConfigFile.AGENT_XML))
                    .contains("<gadget>https://" + lab.estate().ece().fqdn() + "/");
        }
        // The final notes leave ECE running behind a sticky load balancer that serves the login page.
        assertThat(lab.ece().readLoginPage(lab.estate().ece().partition()).status()).isEqualTo(200);
    }

    /**
     * ECE 12.0: the media's ReportsDB utility does not work, so Install ECE HA goes on without post-7 (and without
     * post-8 where SSISDB is still missing); later, after the first patch, the ReportsDatabase section runs with the
     * unzipped ES as its source, as the patch process calls it.
     */
    @Test
    void onEce12Point0Post7WaitsForTheFirstPatchAndThenRunsFromTheEs() {
        String estate = "massivedynamic-120";
        String key = estate + ".rehearsal.20261107-210000-" + System.nanoTime() % 100000;
        RehearsalLab lab = labs.open(key, estates.load(estate), LabScenario.defaults().withDurationScale(0));
        EarlierSteps steps = new EarlierSteps(key, null, lab).features().activeDirectory().directories().dfs().cluster()
                .availabilityGroup().eceInstalled().ciscoServiceStartedOnce();
        Map<String, Object> noted = Map.of("primaryReplica", steps.sideA(), "secondaryReplica", steps.sideB(),
                "secondaryReplicaFqdn", steps.sideB() + ".massivedynamic.com");
        Map<String, Object> variables = new java.util.HashMap<>(noted);
        variables.putAll(Map.of("estate", estate, "runMode", "rehearsal"));

        ProcessInstance run = engine.getRuntimeService().createProcessInstanceByKey("InstallEceHa").businessKey(key)
                .setVariables(variables).startBeforeActivity("Task_ChooseReportsUtilitySource").execute();
        driver.answerEveryTaskUntilTheRunEnds(key, PreinstallationProcessTest.SAMPLE_ANSWERS::forTask);

        assertThat(run).isEnded().hasPassedInOrder("Task_ChooseReportsUtilitySource", "Event_ReportsDatabaseDeferred",
                "CallActivity_SqlServerJobs", "CallActivity_ConfigureWebServers", "EndEvent_EceHaInstalled")
                .hasNotPassed("CallActivity_ReportsDatabase");
        assertThat(historic(run, "reportsDatabaseDeferred")).isEqualTo(true);
        assertThat(historic(run, "reportsDatabaseDeferredReason").toString()).contains("ECE 12.0", "reportsUtilitySource");
        assertThat(historic(run, "ssisGrantsDeferredOn")).isEqualTo(steps.sideB());
        assertThat(lab.sql().readDatabases(steps.sideB())).noneMatch(d -> d.name().equals("SSISDB"));

        // The first ES, unzipped on side A by the patch, carries a working utility.
        String es = "E:\\Patches\\ES1";
        steps.esUnzipped(es);
        Map<String, Object> later = new java.util.HashMap<>(noted);
        later.putAll(Map.of("estate", estate, "runMode", "rehearsal", "reportsUtilitySource", es));
        ProcessInstance post7 = engine.getRuntimeService().startProcessInstanceByKey("ReportsDatabase", key, later);
        driver.runUntilIdle(key);

        assertThat(post7).isEnded().hasPassed("Task_CopyReportsUtility", "Task_CheckReportsUtility",
                "EndEvent_ReportsDatabaseCreated");
        assertThat(lab.sql().readDatabases(steps.sideB())).anyMatch(d -> d.name().equals("SSISDB"));
        assertThat(lab.windows().readFile(steps.sideA(), "E:\\ReportsDB Utility (SQL Server Always ON)\\reportsdb_utility.properties"))
                .get().asString().contains("REPORTS_DB_SERVER_NAME=CC2K125ECEAB.massivedynamic.com", "MAST_DB_NAME=eGMasterDB");
    }

    private Object historic(ProcessInstance run, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).variableName(name)
                .singleResult().getValue();
    }
}
