package com.eceops.runbook.procedure.activedirectory;

import com.eceops.runbook.technology.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.technology.activedirectory.DirectoryObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
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

/** pre-2 in rehearsal: done by the runbook through the management host, or by the domain administrators. */
class ActiveDirectoryProcessTest extends RunbookApplicationTest {

    private static final String WITH_DOMAIN_ADMIN = "massivedynamic-ad";
    private static final List<String> SPNS = List.of("MSSQLSvc/CC2K125ECEDB.massivedynamic.com:1433",
            "MSSQLSvc/CC2K125ECEDB.massivedynamic.com:MSSQLSERVER", "MSSQLSvc/CC2K125ECEDB:1433",
            "MSSQLSvc/CC2K125ECEDB:MSSQLSERVER");

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
    void withADomainAdminCredentialTheRunbookPreparesEverythingAndARerunChangesNothing() {
        ProcessInstance run = rehearse(WITH_DOMAIN_ADMIN, null);
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isEnded().hasPassed("Task_CreateServiceAccounts", "Task_RegisterListenerSpns",
                "Task_TrustSqlServiceAccountForDelegation", "Task_PrestageClusterNameObject",
                "Task_GrantFullControlOnClusterNameObject", "Task_GrantComputerObjectRights",
                "Task_TrustCollocatedServersForDelegation", "Task_VerifyActiveDirectory", "Task_ConfirmListenerSpns",
                "EndEvent_ActiveDirectoryPrepared").hasNotPassed("Task_PrepareActiveDirectoryByHand");
        RehearsalLab lab = labs.find(run.getBusinessKey()).orElseThrow();
        ActiveDirectoryOperations ad = lab.activeDirectory();
        DirectoryObject cno = ad.readObject("CC2K125ECEFOC");
        assertThat(cno.enabled()).isFalse();
        assertThat(cno.protectedFromAccidentalDeletion()).isTrue();
        assertThat(cno.distinguishedName()).endsWith(",OU=ECE Cluster,DC=massivedynamic,DC=com");
        assertThat(cno.grants()).contains(new DirectoryObject.AclGrant("ECEInstaller", "FullControl"));
        assertThat(ad.readObject("OU=ECE Cluster,DC=massivedynamic,DC=com").grants())
                .contains(new DirectoryObject.AclGrant("CC2K125ECEFOC", "CreateChild,DeleteChild:Computer"));
        assertThat(ad.readObject("SqlServerSvc").passwordNeverExpires()).isTrue();
        assertThat(ad.readObject("ECESvc").passwordNeverExpires()).isTrue();
        assertThat(ad.readObject("SqlServerSvc").servicePrincipalNames()).containsExactlyInAnyOrderElementsOf(SPNS);
        for (String delegated : List.of("SqlServerSvc", "CC2K125ECEAA", "CC2K125ECEAB")) {
            assertThat(ad.readObject(delegated).trustedForDelegation()).as(delegated).isTrue();
        }
        List<LedgerEntry> afterFirstRun = lab.ledger();
        assertThat(afterFirstRun).isNotEmpty();

        ProcessInstance rerun = runtime.startProcessInstanceByKey("ActiveDirectory", run.getBusinessKey(),
                Map.of("estate", WITH_DOMAIN_ADMIN, "runMode", "rehearsal"));
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(rerun).isEnded().hasNotPassed("Task_PrepareActiveDirectoryByHand");
        assertThat(lab.ledger()).isEqualTo(afterFirstRun);
    }

    @Test
    void withoutOneTheDomainAdminsGetTheChecklistAndEachMissingItemComesBack() {
        ProcessInstance run = rehearse(SAMPLE, "domain-admins-miss-delegation");
        driver.runUntilIdle(run.getBusinessKey());

        Task byHand = driver.onlyTask(run);
        assertThat(byHand).hasDefinitionKey("Task_PrepareActiveDirectoryByHand").hasCandidateGroup("domain-admins");
        assertThat(runtime.getVariable(run.getId(), "activeDirectoryChecklist").toString())
                .contains("setspn -A MSSQLSvc/CC2K125ECEDB.massivedynamic.com:1433 MASSIVE\\SqlServerSvc")
                .contains("CC2K125ECEFOC").contains("OU=ECE Cluster,DC=massivedynamic,DC=com").contains("ECEInstaller");
        assertThat(driver.passed(run)).doesNotContain("Task_CreateServiceAccounts");

        driver.complete(byHand, Map.of());
        driver.runUntilIdle(run.getBusinessKey());

        Task again = driver.onlyTask(run);
        assertThat(again).hasDefinitionKey("Task_PrepareActiveDirectoryByHand");
        String missing = runtime.getVariable(run.getId(), "activeDirectoryMissing").toString();
        assertThat(missing).contains("pre-2.6: SqlServerSvc is not trusted for delegation")
                .contains("pre-2.7: CC2K125ECEAA is not trusted").contains("pre-2.7: CC2K125ECEAB is not trusted");
        assertThat(missing.lines()).hasSize(3);

        driver.complete(again, Map.of());
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isEnded().hasPassed("Task_ConfirmListenerSpns");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(run.getId()).count()).isZero();
        assertThat(labs.find(run.getBusinessKey()).orElseThrow().activeDirectory().readObject("SqlServerSvc")
                .servicePrincipalNames()).containsExactlyInAnyOrderElementsOf(SPNS);
    }

    @Test
    void anSpnAlreadyOnAnotherAccountStopsTheRegistrationAndGoesToTheDomainAdmins() {
        ProcessInstance run = rehearse(WITH_DOMAIN_ADMIN, null);
        RehearsalLab lab = labs.open(run.getBusinessKey(), estates.load(WITH_DOMAIN_ADMIN),
                LabScenario.defaults().withDurationScale(0));
        lab.handwork().addServicePrincipalName("CC2K125ECEAA", "MSSQLSvc/CC2K125ECEDB:1433");
        driver.runUntilIdle(run.getBusinessKey());

        Task byHand = driver.onlyTask(run);
        assertThat(byHand).hasDefinitionKey("Task_PrepareActiveDirectoryByHand");
        assertThat(runtime.getVariable(run.getId(), "spnConflicts").toString())
                .contains("Existing SPN found: MSSQLSvc/CC2K125ECEDB:1433 is registered on CC2K125ECEAA");
        assertThat(lab.activeDirectory().readObject("SqlServerSvc").servicePrincipalNames()).isEmpty();

        driver.complete(byHand, Map.of());
        driver.runUntilIdle(run.getBusinessKey());

        assertThat(run).isEnded().hasPassed("Task_ConfirmListenerSpns");
        assertThat(lab.activeDirectory().findServicePrincipalName("MSSQLSvc/CC2K125ECEDB:1433"))
                .containsExactly("SqlServerSvc");
    }

    private ProcessInstance rehearse(String estate, String scenario) {
        Map<String, Object> variables = new HashMap<>(Map.of("estate", estate, "runMode", "rehearsal"));
        if (scenario != null) {
            variables.put("labScenario", scenario);
        }
        return driver.start("ActiveDirectory", variables);
    }
}
