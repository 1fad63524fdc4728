package com.eceops.runbook.wiring;

import com.eceops.runbook.procedure.PreinstallationProcessTest;
import com.eceops.runbook.run.RunKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Files;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunDriver;
import com.eceops.runbook.RunbookApplicationTest;

/**
 * A plan run of an estate whose Active Directory the runbook prepares (management host and domain-admin credential)
 * holds the AD scripts under the management host and the DFS scripts under the namespace servers, with the service
 * accounts' passwords masked and never resolved (no secret is set in the tests). The estate's servers are reached
 * over WinRM Kerberos without a doubleHop, which a live run would refuse for these scripts: the plan says so.
 */
class PlanModeDirectoryTest extends RunbookApplicationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RunPlans plans;

    @Test
    void thePlanHoldsTheActiveDirectoryScriptsOnTheManagementHostAndTheDfsScriptsOnTheNamespaceServers() throws Exception {
        RunDriver driver = new RunDriver(engine);
        ProcessInstance run = driver.start("Preinstallation", Map.of("estate", "massivedynamic-ad", "runMode", "plan"));

        driver.answerEveryTaskUntilTheRunEnds(run.getBusinessKey(), PreinstallationProcessTest.SAMPLE_ANSWERS::forTask);

        assertThat(run).isEnded();
        String plan = Files.readString(plans.documentOf(RunKey.parse(run.getBusinessKey())));
        String management = plan.substring(plan.indexOf("## CC2K125ECEMG"));
        assertThat(management)
                .contains("### pre-2.1: ensure service user (REFUSED in a live run: ")
                .contains("$Account = 'SqlServerSvc'").contains("$Account = 'ECESvc'")
                .contains("$Password = '******'")
                .contains("### pre-2.2: prestage cluster name object")
                .contains("### pre-2.3: grant rights on directory object")
                .contains("### pre-2.5: register service principal name")
                .contains("$Spn = 'MSSQLSvc/CC2K125ECEDB.massivedynamic.com:1433'")
                .contains("### pre-2.7: trust for delegation");
        assertThat(plan)
                .contains("### pre-4.1: create domain namespace")
                .contains("New-DfsnRoot -Path $Namespace -TargetPath $Target -Type DomainV2")
                .contains("### pre-4.2: add namespace server")
                .contains("### pre-4.3: create replication group")
                .contains("### pre-4.4: set staging quota");
    }
}
