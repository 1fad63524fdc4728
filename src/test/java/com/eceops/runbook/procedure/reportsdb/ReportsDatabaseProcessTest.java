package com.eceops.runbook.procedure.reportsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;
import com.eceops.runbook.lab.LedgerEntry;
import com.eceops.runbook.lab.RehearsalLab;

/** post-7 in rehearsal: every path of the ReportsDatabase section, on labs prepared up to post-6. */
class ReportsDatabaseProcessTest extends SectionProcessTest {

    @org.springframework.beans.factory.annotation.Autowired
    com.eceops.runbook.plan.RunPlans plans;

    private static final String AG = "CC2K125ECEDB";
    private static final String DIRECTORY = "E:\\ReportsDB Utility (SQL Server Always ON)";

    /** The lab as installation and post-2 leave it; side A was primary at install time. */
    private EarlierSteps installed(String scenario, boolean ciscoStartedOnce) {
        EarlierSteps lab = prepare(scenario).features().activeDirectory().directories().dfs().cluster().availabilityGroup()
                .eceInstalled();
        return ciscoStartedOnce ? lab.ciscoServiceStartedOnce() : lab;
    }

    /** What Install ECE HA passes on: the replicas noted at inst-1.1. */
    private ProcessInstance startSection(EarlierSteps lab, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(Map.of("primaryReplica", lab.sideA(), "secondaryReplica", lab.sideB(),
                "secondaryReplicaFqdn", lab.sideB() + ".massivedynamic.com"));
        variables.putAll(more);
        return start("ReportsDatabase", lab, variables);
    }

    private static boolean hasSsisdb(RehearsalLab lab, String host) {
        return lab.sql().readDatabases(host).stream().anyMatch(d -> d.name().equals("SSISDB"));
    }

    private Object variable(Task task, String name) {
        return runtime.getVariable(task.getExecutionId(), name);
    }

    private Incident onlyIncident(ProcessInstance run) {
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(run.getId()).list();
        assertThat(incidents).hasSize(1);
        return incidents.get(0);
    }

    /** Tests share one engine: a run left waiting must not show up in another test's queries. */
    private void endWaitingRun(ProcessInstance run) {
        runtime.deleteProcessInstance(run.getId(), "test finished");
    }

    @Test
    void theUtilityFromTheMediaCreatesTheReportsObjectsAndARerunChangesNothing() {
        EarlierSteps lab = installed(null, true);
        ProcessInstance run = startSection(lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassedInOrder("Task_CheckReplicaRoles", "Task_CopyReportsUtility",
                "Task_SetUtilityJavaHome", "Task_WriteUtilityProperties", "Task_StartReportsUtility",
                "Timer_UtilityWaitBeforeChecking", "Task_CheckReportsUtility", "EndEvent_ReportsDatabaseCreated");
        RehearsalLab rehearsal = lab.lab();
        assertThat(hasSsisdb(rehearsal, lab.sideB())).isTrue();
        assertThat(rehearsal.windows().readFile(lab.sideA(), DIRECTORY + "\\reportsdb_utility.bat")).get().asString()
                .contains("SET JAVA_HOME=E:\\ECEFile\\env\\jdk\r\n");
        String properties = rehearsal.windows().readFile(lab.sideA(), DIRECTORY + "\\reportsdb_utility.properties").orElseThrow();
        assertThat(properties).contains("ECE_HOME_DIR=\\\\\\\\massivedynamic.com\\\\ECE_Root\\\\ECE\r\n",
                "REPORTS_DB_SERVER_NAME=CC2K125ECEAB.massivedynamic.com\r\n", "ACT_DB_SERVER_NAME=CC2K125ECEAB.massivedynamic.com\r\n",
                "REPORTS_DB_LST_PORT=1433\r\n", "REPORTS_DB_INSTANCE_NAME=\r\n", "MAST_DB_NAME=eGMasterDB\r\n",
                "SSIS_INSTALL_PATH=E:\\\\ssis_data\r\n", "SSIS_USER_ID=MASSIVE\\\\SqlServerSvc\r\n",
                "SSIS_USER_PASSWORD=******\r\n", "SSIS_CATALOG_PASSWORD=******\r\n");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).list())
                .noneMatch(v -> String.valueOf(v.getValue()).contains("PASSWORD="));

        List<LedgerEntry> before = List.copyOf(rehearsal.ledger());
        ProcessInstance again = startSection(lab, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(again).isEnded().hasPassed("Task_StartReportsUtility", "EndEvent_ReportsDatabaseCreated")
                .hasNotPassed("Timer_UtilityWaitBeforeChecking");
        assertThat(rehearsal.ledger()).isEqualTo(before);
    }

    @Test
    void aGroupFailedOverSinceInstallationGoesToTheDbasToFailItBack() {
        EarlierSteps lab = installed(null, true);
        lab.lab().sql().failover(lab.sideB(), AG);
        ProcessInstance run = startSection(lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey("Task_FailBackAvailabilityGroup").hasCandidateGroup("dbas");
        assertThat(variable(task, "replicaRolesReport").toString()).contains("Secondary replica at install time: CC2K125ECEAB")
                .contains("CC2K125ECEAB PRIMARY");
        assertThat(run).hasNotPassed("Task_CopyReportsUtility");

        driver.complete(task, Map.of("failbackNotes", "failed back from the dashboard"));
        driver.runUntilIdle(lab.key());
        assertThat(run).isEnded().hasPassed("Task_FailBackAvailabilityGroup", "EndEvent_ReportsDatabaseCreated");
        assertThat(lab.lab().sql().readAvailabilityGroup(lab.sideA(), AG).primary()).isEqualTo(lab.sideA());
        assertThat(hasSsisdb(lab.lab(), lab.sideB())).isTrue();
    }

    @Test
    void aLogWithoutTheSuccessLineIsAnIncidentCarryingTheLogsTail() {
        EarlierSteps lab = installed(null, false);
        ProcessInstance run = startSection(lab, Map.of());
        driver.runUntilIdle(lab.key());

        Incident incident = onlyIncident(run);
        assertThat(incident.getActivityId()).isEqualTo("Task_CheckReportsUtility");
        assertThat(incident.getIncidentMessage()).startsWith("post-7 \"Check the utility and its log\": CC2K125ECEAA:")
                .contains("run reportsdb_utility.bat createDBObjects failed", "without the success line", "log tail:",
                        "ReportsDB utility failed");
        String stackTrace = engine.getManagementService().getJobExceptionStacktrace(incident.getConfiguration());
        assertThat(stackTrace).contains("eg_log_CC2K125ECEAA_ReportsDBUtil.log", "the Cisco service has not run there");
        assertThat(hasSsisdb(lab.lab(), lab.sideB())).isFalse();
        endWaitingRun(run);
    }

    @Test
    void aUtilityStillRunningAtTheWaitLimitGoesToTheOperators() {
        EarlierSteps lab = installed("reportsdb-utility-held-up", true);
        ProcessInstance run = startSection(lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey("Task_LookIntoReportsUtilityRun").hasCandidateGroup("operators");
        assertThat(variable(task, "pollCount")).isEqualTo(variable(task, "maxPolls"));
        assertThat(variable(task, "reportsUtilityReport").toString()).contains("still runs on CC2K125ECEAA");
        driver.complete(task, Map.of());
        driver.runUntilIdle(lab.key());
        assertThat(onlyTask(lab.key())).hasDefinitionKey("Task_LookIntoReportsUtilityRun");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId("Task_LookIntoReportsUtilityRun").count()).isEqualTo(2);
        endWaitingRun(run);
    }

    @Test
    void aLaterCallWithoutTheInstallTimeReplicasIsAClearIncident() {
        EarlierSteps lab = installed(null, true);
        ProcessInstance run = start("ReportsDatabase", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Incident incident = onlyIncident(run);
        assertThat(incident.getActivityId()).isEqualTo("Task_CheckReplicaRoles");
        assertThat(incident.getIncidentMessage()).contains("secondaryReplica and secondaryReplicaFqdn", "inst-1.1");
        endWaitingRun(run);
    }

    @Test
    void aPlanRunRecordsTheScriptsWithTheSecretsMaskedAndWalksTheLab() throws Exception {
        String key = "massivedynamic.plan.20261107-210000-" + System.nanoTime() % 100000;
        RehearsalLab lab = labs.open(key, estates.load(SAMPLE), com.eceops.runbook.lab.LabScenario.defaults().withDurationScale(0));
        EarlierSteps steps = new EarlierSteps(key, null, lab).features().activeDirectory().directories().dfs().cluster()
                .availabilityGroup().eceInstalled().ciscoServiceStartedOnce().esUnzipped("E:\\Patches\\ES1");
        // A local source: the unzipped ES on side A's own disk.
        ProcessInstance run = runtime.startProcessInstanceByKey("ReportsDatabase", key, Map.of("estate", SAMPLE,
                "runMode", "plan", "primaryReplica", steps.sideA(), "secondaryReplica", steps.sideB(),
                "secondaryReplicaFqdn", steps.sideB() + ".massivedynamic.com", "reportsUtilitySource", "E:\\Patches\\ES1"));
        driver.runUntilIdle(key);

        assertThat(run).isEnded().hasPassed("Task_CheckReportsUtility", "EndEvent_ReportsDatabaseCreated");
        String plan = java.nio.file.Files.readString(plans.documentOf(com.eceops.runbook.run.RunKey.parse(key)));
        assertThat(plan).contains("### post-7", "copy directory", "write properties file",
                "$SecretValues = @('******', '******')", "SSIS_USER_ID=MASSIVE\\\\SqlServerSvc",
                "run reportsdb_utility.bat createDBObjects (detached, scheduled task as ECEInstaller@MASSIVEDYNAMIC.COM",
                "Register-ScheduledTask");
        assertThat(plan).doesNotContainPattern("PASSWORD=[^\\r\\n]");
        assertThat(hasSsisdb(lab, steps.sideB())).isTrue();
    }
}
