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

/** A plan run walks the procedure without a server and leaves the scripts it would run for review. */
class PlanModeTest extends RunbookApplicationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RunPlans plans;
    @Autowired
    RealOperations real;

    @Test
    void aPlanRunFinishesWithoutServersAndItsPlanHoldsEachStepsPowerShellAndTSqlInTheDocumentsOrder() throws Exception {
        RunDriver driver = new RunDriver(engine);
        ProcessInstance run = driver.start("Preinstallation", Map.of("estate", SAMPLE, "runMode", "plan"));

        driver.answerEveryTaskUntilTheRunEnds(run.getBusinessKey(), PreinstallationProcessTest.SAMPLE_ANSWERS::forTask);

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(run.getBusinessKey())
                .list()).as("no section of the plan run is left waiting, e.g. on an incident").isEmpty();
        assertThat(run).isEnded();
        assertThat(real.holds(run.getBusinessKey())).as("the ended run's sessions are released").isFalse();
        RunKey key = RunKey.parse(run.getBusinessKey());
        String plan = Files.readString(plans.documentOf(key));
        assertThat(plan).contains("| Complete | yes: the run walked the procedure to its end |")
                .contains("| Estate | massivedynamic (Cisco ECE 12.5 HA lab from the tech note's example layout) |")
                .containsPattern("\\| Inventory digest \\| sha256:[0-9a-f]{64} \\|")
                .contains("## How every PowerShell script begins\n\nThe scripts below are shown without these lines, which"
                        + " the runbook puts at the top of each one:\n\n```powershell\n$ErrorActionPreference = 'Stop'\n");
        assertThat(plan.split("\\$ErrorActionPreference = 'Stop'", -1)).as("the preamble is shown once").hasSize(2);
        assertThat(plan.indexOf("\n### pre-1\n")).as("steps in the document's order")
                .isLessThan(plan.indexOf("\n### pre-5.1\n")).isPositive();
        assertThat(plan.indexOf("\n### pre-5.1\n")).isLessThan(plan.indexOf("\n### pre-6.1\n"));
        assertThat(PlanSections.step(plan, "pre-1"))
                .contains("#### CC2K125ECEAA: install features").contains("#### CC2K125ECEAB: install features")
                .contains("Install-WindowsFeature").contains("FS-DFS-Namespace")
                .contains("Restart-Computer");
        assertThat(PlanSections.step(plan, "pre-1")).as("web servers need no features in pre-1").doesNotContain("CC2K125ECEWA");
        assertThat(PlanSections.step(plan, "pre-6.1"))
                .contains("#### CC2K125ECEAA: enable AlwaysOn").contains("Enable-SqlAlwaysOn -ServerInstance $ServerInstance")
                .contains(": restart the SQL Server service");
        assertThat(PlanSections.step(plan, "pre-5.1")).contains(": create the cluster")
                .contains("New-Cluster -Name $Name -Node $Nodes -StaticAddress");
        assertThat(PlanSections.step(plan, "pre-5.2")).contains(": set the file share witness")
                .contains("Set-ClusterQuorum -FileShareWitness $SharePath");
        assertThat(PlanSections.step(plan, "pre-6.5")).contains(": set a cluster parameter").contains("$ParameterName = 'HostRecordTTL'");
        // The T-SQL is what the steps sent the recording JDBC implementation, under the step, per server.
        String seeding = PlanSections.step(plan, "pre-6.2");
        assertThat(seeding).contains("#### CC2K125ECEAA (T-SQL): CREATE DATABASE [AGTemp] (in master)\n\n```sql\nCREATE DATABASE [AGTemp]")
                .doesNotContain("CC2K125ECEAB (T-SQL): CREATE DATABASE");
        String group = PlanSections.step(plan, "pre-6.3");
        assertThat(group).contains("#### CC2K125ECEAA (T-SQL): CREATE AVAILABILITY GROUP [CC2K125ECEDB] (in master)")
                .contains("#### CC2K125ECEAB (T-SQL): ALTER AVAILABILITY GROUP [CC2K125ECEDB] JOIN; (in master)")
                .contains("#### CC2K125ECEAB (T-SQL): RESTORE DATABASE [AGTemp] (in master)")
                .doesNotContain("CC2K125ECEAA (T-SQL): RESTORE DATABASE")
                .doesNotContain("CC2K125ECEAB (T-SQL): CREATE AVAILABILITY GROUP");
        String page = Files.readString(plans.pageOf(key));
        assertThat(page).contains("<nav><h2>Steps</h2><ol><li><a href=\"#step-pre-1\">pre-1</a>")
                .contains("<h2 id=\"step-pre-6-3\">pre-6.3</h2>")
                .contains("<tr><th>Complete</th><td>yes: the run walked the procedure to its end</td></tr>");
    }

    @Test
    void aPlanWhoseRunStoppedWithAnIncidentOrWasCancelledSaysSoAtItsTop() throws Exception {
        // Post-7 without the replicas it is handed by its caller: its first step fails, as any step of a plan can.
        String key = "massivedynamic.plan.20261207-200000-" + System.nanoTime() % 100000;
        ProcessInstance run = engine.getRuntimeService().startProcessInstanceByKey("ReportsDatabase", key,
                Map.of("estate", SAMPLE, "runMode", "plan"));
        var management = engine.getManagementService();
        var job = management.createJobQuery().processInstanceId(run.getId()).singleResult();
        // The step's retry cycle, run at once: each failure uses one retry, the last becomes the incident.
        for (int attempt = 0; attempt < 5 && engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(run.getId()).count() == 0; attempt++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(job.getId()));
        }

        var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(run.getId()).singleResult();
        assertThat(incident).isNotNull();
        RunKey runKey = RunKey.parse(key);
        assertThat(Files.readString(plans.documentOf(runKey)))
                .contains("| Complete | no: the run stopped (incident at " + incident.getActivityId() + ": ")
                .contains("nothing after that point is in this plan |")
                .contains("**This plan is not ready for approval**: the walk did not reach its end.");

        engine.getRuntimeService().deleteProcessInstance(run.getId(), "the change board asked for another window");
        assertThat(Files.readString(plans.documentOf(runKey))).contains("| Complete | no: the run was cancelled before its end |");
    }
}
