package com.eceops.runbook.wiring;

import com.eceops.runbook.plan.PlanSections;
import com.eceops.runbook.plan.RunPlans;
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
 * over WinRM Kerberos with the scheduled-task double hop, which cannot carry pre-2.1's passwords: the plan says so.
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
        // The AD scripts run on the management host; pre-2.1 carries a password, which a live run sends only in a
        // session, never in a scheduled task's file: the plan shows the refusal, at the top and under the step.
        assertThat(plan).contains("| Refused in a live run | **")
                .contains("**This plan is not ready for approval**: a live run would refuse some of its commands.")
                .containsPattern("- \\*\\*pre-2.1\\*\\* CC2K125ECEMG: ensure service user: ");
        assertThat(PlanSections.step(plan, "pre-2.1"))
                .contains("#### CC2K125ECEMG: ensure service user\n\n> **Refused in a live run:** ")
                .contains("$Account = 'SqlServerSvc'").contains("$Account = 'ECESvc'")
                .contains("$Password = '******'");
        assertThat(PlanSections.step(plan, "pre-2.2")).contains("#### CC2K125ECEMG: prestage cluster name object");
        assertThat(PlanSections.step(plan, "pre-2.3")).contains("#### CC2K125ECEMG: grant rights on directory object");
        assertThat(PlanSections.step(plan, "pre-2.5")).contains("#### CC2K125ECEMG: register service principal name")
                .contains("$Spn = 'MSSQLSvc/CC2K125ECEDB.massivedynamic.com:1433'");
        assertThat(PlanSections.step(plan, "pre-2.7")).contains("#### CC2K125ECEMG: trust for delegation");
        assertThat(PlanSections.step(plan, "pre-4.1")).contains(": create domain namespace")
                .contains("New-DfsnRoot -Path $Namespace -TargetPath $Target -Type DomainV2");
        assertThat(PlanSections.step(plan, "pre-4.2")).contains(": add namespace server");
        assertThat(PlanSections.step(plan, "pre-4.3")).contains(": create replication group");
        assertThat(PlanSections.step(plan, "pre-4.4")).as("the sample asks 4096 MB, the quota a new membership already has")
                .isEmpty();
    }
}
