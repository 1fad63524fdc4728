package com.eceops.runbook.procedure.systemchecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunDriver;
import com.eceops.runbook.RunbookApplicationTest;
import com.eceops.runbook.lab.RehearsalLabs;

/** sys-1 to sys-4 in rehearsal: the operator's VM confirmation, OS and drives, SQL Server edition. */
class SystemChecksProcessTest extends RunbookApplicationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RehearsalLabs labs;

    private RunDriver driver;

    @BeforeEach
    void drive() {
        BpmnAwareTests.init(engine);
        driver = new RunDriver(engine);
    }

    @Test
    void aDeployedBareEstatePassesEveryCheckAndChangesNothing() {
        ProcessInstance run = rehearse(null);
        driver.runUntilIdle(run.getBusinessKey());

        Task confirm = driver.onlyTask(run);
        assertThat(confirm).hasDefinitionKey("Task_ConfirmVirtualMachinesDeployed").hasCandidateGroup("operators");
        assertThat(runtime.getVariable(run.getId(), "virtualMachines").toString())
                .contains("CC2K125ECEAA", "CC2K125ECEWA", "CC2K125ECEAB", "CC2K125ECEWB", "14.10.172.169", "F: 300 GB");
        driver.complete(confirm, Map.of("virtualMachinesDeployed", true));
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isEnded().hasPassed("Task_VerifyWindowsServerVersion", "Task_VerifyDataDrives",
                "Task_ReadSqlServerEdition", "EndEvent_SqlServerEnterpriseOnBoth").hasNotPassed("Task_FixServerBuild");
        assertThat(labs.find(run.getBusinessKey()).orElseThrow().ledger()).isEmpty();
    }

    @Test
    void vmsNotYetDeployedBringTheConfirmationBack() {
        ProcessInstance run = rehearse(null);
        driver.runUntilIdle(run.getBusinessKey());
        driver.complete(driver.onlyTask(run), Map.of("virtualMachinesDeployed", false));
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isWaitingAt("Task_ConfirmVirtualMachinesDeployed");
        driver.complete(driver.onlyTask(run), Map.of("virtualMachinesDeployed", true));
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isEnded();
    }

    @Test
    void aWrongOperatingSystemAndAMissingDriveGoToTheOperatorsAndAreCheckedAgain() {
        ProcessInstance run = rehearse("wrong-os-and-missing-drive");
        driver.runUntilIdle(run.getBusinessKey());
        driver.complete(driver.onlyTask(run), Map.of("virtualMachinesDeployed", true));
        driver.runUntilIdle(run.getBusinessKey());

        Task fix = driver.onlyTask(run);
        assertThat(fix).hasDefinitionKey("Task_FixServerBuild").hasCandidateGroup("operators");
        assertThat(runtime.getVariable(run.getId(), "operatingSystemProblems").toString())
                .contains("CC2K125ECEWB").contains("10.0.17763").doesNotContain("CC2K125ECEAA");
        assertThat(runtime.getVariable(run.getId(), "driveProblems").toString())
                .contains("CC2K125ECEAB: drive F: is missing").doesNotContain("drive E:");

        driver.complete(fix, Map.of());
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isEnded();
        assertThat(driver.passed(run)).containsSubsequence("Task_VerifyDataDrives", "Task_FixServerBuild",
                "Task_VerifyWindowsServerVersion", "Task_VerifyDataDrives", "Task_ReadSqlServerEdition");
        var lab = labs.find(run.getBusinessKey()).orElseThrow();
        assertThat(lab.windows().readHostFacts("CC2K125ECEWB").isWindowsServer2016()).isTrue();
        assertThat(lab.windows().readHostFacts("CC2K125ECEAB").drives()).anyMatch(d -> d.letter() == 'F' && d.sizeGb() == 300);
    }

    @Test
    void aDriveSmallerThanTheInventoryIsReportedWithBothSizes() {
        ProcessInstance run = rehearse(null);
        driver.runUntilIdle(run.getBusinessKey());
        labs.find(run.getBusinessKey()).orElseThrow().handwork().formatDrive("CC2K125ECEAA", 'E', 40);
        driver.complete(driver.onlyTask(run), Map.of("virtualMachinesDeployed", true));
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isWaitingAt("Task_FixServerBuild");
        assertThat(runtime.getVariable(run.getId(), "driveProblems").toString())
                .contains("CC2K125ECEAA: drive E: has 40 GB; the inventory needs 50 GB");
    }

    /**
     * Standard edition takes one database per availability group; Developer has every feature but is not licensed for
     * production. Either sends the DBAs to upgrade to Enterprise, which the document makes critical.
     */
    @ParameterizedTest(name = "{0} sends the DBAs to upgrade")
    @CsvSource({"standard-edition, Standard Edition", "developer-edition, Developer Edition"})
    void anEditionOtherThanEnterpriseSendsTheDbasToUpgradeAndTheEditionIsReadAgain(String scenario, String edition) {
        ProcessInstance run = rehearse(scenario);
        driver.runUntilIdle(run.getBusinessKey());
        driver.complete(driver.onlyTask(run), Map.of("virtualMachinesDeployed", true));
        driver.runUntilIdle(run.getBusinessKey());

        Task upgrade = driver.onlyTask(run);
        assertThat(upgrade).hasDefinitionKey("Task_UpgradeSqlServerToEnterprise").hasCandidateGroup("dbas");
        assertThat(runtime.getVariable(run.getId(), "sqlEditionProblem").toString()).contains("CC2K125ECEAB runs " + edition);
        driver.complete(upgrade, Map.of());
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isEnded();
        assertThat(driver.passed(run)).containsSubsequence("Task_ReadSqlServerEdition", "Task_UpgradeSqlServerToEnterprise",
                "Task_ReadSqlServerEdition");
    }

    private ProcessInstance rehearse(String scenario) {
        Map<String, Object> variables = new HashMap<>(Map.of("estate", SAMPLE, "runMode", "rehearsal"));
        if (scenario != null) {
            variables.put("labScenario", scenario);
        }
        return driver.start("SystemChecks", variables);
    }
}
