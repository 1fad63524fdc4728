package com.eceops.runbook.procedure.windows;

import com.eceops.runbook.technology.windows.AccessRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunDriver;
import com.eceops.runbook.RunbookApplicationTest;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.lab.LedgerEntry;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;

/** pre-3 in rehearsal: the directories, the share and the ACLs on both collocated servers. */
class DirectoriesAndSharesProcessTest extends RunbookApplicationTest {

    private static final String SIDE_A = "CC2K125ECEAA";
    private static final String SIDE_B = "CC2K125ECEAB";
    private static final String SSIS = "E:\\ssis_data";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
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
    void bothServersGetTheirDirectoriesAndARerunChangesNothing() {
        ProcessInstance run = driver.start("DirectoriesAndShares", Map.of("estate", SAMPLE, "runMode", "rehearsal"));
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isEnded().hasPassed("Task_CreateSharedDirectory", "Task_CreateSsisDirectory",
                "Task_CheckDenyEntries", "Task_CreateSqlServerDirectories").hasNotPassed("Task_RemoveDenyEntries");
        RehearsalLab lab = labs.find(run.getBusinessKey()).orElseThrow();
        for (String host : List.of(SIDE_A, SIDE_B)) {
            assertThat(lab.windows().readAccessRules(host, SSIS))
                    .contains(new AccessRule("MASSIVE\\SqlServerSvc", "Modify", false, false)).noneMatch(AccessRule::deny);
            assertThat(lab.ledger()).anyMatch(e -> e.host().equals(host) && e.what().equals("share ECEFile")
                    && e.after().contains("MASSIVE\\ECESvc"));
            assertThat(lab.ledger()).anyMatch(e -> e.host().equals(host) && e.what().equals("directory F:\\MSSQL\\Backups"));
            assertThat(lab.ledger()).anyMatch(e -> e.host().equals(host) && e.what().equals("directory F:\\MSSQL\\Data"));
        }
        List<LedgerEntry> afterFirstRun = lab.ledger();

        ProcessInstance rerun = runtime.startProcessInstanceByKey("DirectoriesAndShares", run.getBusinessKey(),
                Map.of("estate", SAMPLE, "runMode", "rehearsal"));
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(rerun).isEnded();
        assertThat(lab.ledger()).isEqualTo(afterFirstRun);
    }

    @Test
    void aDenyEntryOnTheSsisDirectoryGoesToAnOperatorAndIsCheckedAgain() {
        ProcessInstance run = driver.start("DirectoriesAndShares", Map.of("estate", SAMPLE, "runMode", "rehearsal"));
        RehearsalLab lab = labs.open(run.getBusinessKey(), estates.load(SAMPLE), LabScenario.defaults().withDurationScale(0));
        lab.windows().ensureDirectory(SIDE_B, SSIS);
        lab.handwork().denyAccess(SIDE_B, SSIS, "MASSIVE\\ECESvc", "Write");
        driver.runUntilIdle(run.getBusinessKey());

        List<Task> tasks = driver.tasks(run.getBusinessKey());
        assertThat(tasks).hasSize(1);
        Task remove = tasks.get(0);
        assertThat(remove).hasDefinitionKey("Task_RemoveDenyEntries").hasCandidateGroup("operators");
        assertThat(runtime.getVariable(remove.getExecutionId(), "host")).isEqualTo(SIDE_B);
        assertThat(runtime.getVariable(remove.getExecutionId(), "denyEntries").toString())
                .contains(SIDE_B).contains("Deny Write for MASSIVE\\ECESvc");

        driver.complete(remove, Map.of());
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isEnded();
        assertThat(lab.windows().readAccessRules(SIDE_B, SSIS)).noneMatch(AccessRule::deny);
    }
}
