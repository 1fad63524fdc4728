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

/** A plan run walks the procedure without a server and leaves the scripts it would run for review. */
class PlanModeTest extends RunbookApplicationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RunPlans plans;
    @Autowired
    RealOperations real;

    @Test
    void aPlanRunFinishesWithoutServersAndItsPlanHoldsThePowerShellPerHostAndTheTSqlPerServer() throws Exception {
        RunDriver driver = new RunDriver(engine);
        ProcessInstance run = driver.start("Preinstallation", Map.of("estate", SAMPLE, "runMode", "plan"));

        driver.answerEveryTaskUntilTheRunEnds(run.getBusinessKey(), PreinstallationProcessTest.SAMPLE_ANSWERS::forTask);

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(run.getBusinessKey())
                .list()).as("no section of the plan run is left waiting, e.g. on an incident").isEmpty();
        assertThat(run).isEnded();
        assertThat(real.holds(run.getBusinessKey())).as("the ended run's sessions are released").isFalse();
        String plan = Files.readString(plans.documentOf(RunKey.parse(run.getBusinessKey())));
        assertThat(plan)
                .contains("## CC2K125ECEAA").contains("## CC2K125ECEAB")
                .contains("### pre-1: ")
                .contains("Install-WindowsFeature").contains("FS-DFS-Namespace")
                .contains("Restart-Computer")
                .contains("### pre-6.1: enable AlwaysOn").contains("Enable-SqlAlwaysOn -ServerInstance $ServerInstance")
                .contains("### pre-6.1: restart the SQL Server service")
                .contains("### pre-5.1: create the cluster").contains("New-Cluster -Name $Name -Node $Nodes -StaticAddress")
                .contains("### pre-5.2: set the file share witness").contains("Set-ClusterQuorum -FileShareWitness $SharePath")
                .contains("### pre-6.5: set a cluster parameter").contains("$ParameterName = 'HostRecordTTL'");
        assertThat(plan.indexOf("## CC2K125ECEWA")).as("web servers need no features in pre-1").isLessThan(0);
        // The T-SQL is what the steps sent the recording JDBC implementation, per server and step.
        String sql = plan.substring(plan.indexOf("# T-SQL by server and step"));
        String primary = sql.substring(sql.indexOf("## CC2K125ECEAA"), sql.indexOf("## CC2K125ECEAB"));
        String secondary = sql.substring(sql.indexOf("## CC2K125ECEAB"));
        assertThat(primary)
                .contains("### pre-6.2: CREATE DATABASE [AGTemp] (in master)\n\n```sql\nCREATE DATABASE [AGTemp]")
                .contains("### pre-6.3: CREATE AVAILABILITY GROUP [CC2K125ECEDB] (in master)")
                .doesNotContain("RESTORE DATABASE");
        assertThat(secondary)
                .contains("### pre-6.3: ALTER AVAILABILITY GROUP [CC2K125ECEDB] JOIN; (in master)")
                .contains("### pre-6.3: RESTORE DATABASE [AGTemp] (in master)")
                .doesNotContain("CREATE AVAILABILITY GROUP");
    }
}
