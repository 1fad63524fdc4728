package com.eceops.runbook.procedure.postinstall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;
import com.eceops.runbook.lab.LedgerEntry;
import com.eceops.runbook.technology.sql.AgentJob;

/**
 * post-8 and post-9 in rehearsal: SSISDB grants and the backup jobs on both collocated servers; a rerun changes
 * nothing. The lab refuses the grants where there is no SSISDB, so the servers are prepared up to post-7.
 */
class SqlServerJobsProcessTest extends SectionProcessTest {

    @Test
    void bothServersGetTheGrantsAndTheBackupJobsAndARerunChangesNothing() {
        // SSISDB: ECE setup creates it on the primary, the ReportsDB utility (post-7) on the secondary.
        EarlierSteps lab = prepare(null).features().activeDirectory().directories().dfs().cluster().availabilityGroup()
                .eceInstalled().ciscoServiceStartedOnce().reportsDatabase();
        int ledgerBefore = lab.lab().ledger().size();

        ProcessInstance run = start("SqlServerJobs", lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(run).isEnded().hasPassed("StartEvent_JobsRequested", "SubProcess_ConfigureJobsOnServer",
                "StartEvent_ServerSelected", "Task_GrantSsisCleanupPermissions", "Task_EnsureBackupJobs",
                "EndEvent_ServerHasJobs", "EndEvent_JobsConfigured");
        for (String host : List.of(lab.sideA(), lab.sideB())) {
            List<AgentJob> jobs = lab.lab().sql().readAgentJobs(host);
            assertThat(jobs).extracting(AgentJob::name, AgentJob::schedule).contains(
                    tuple("ECE full backup", "weekly Sunday 01:30"),
                    tuple("ECE differential backup", "daily except Sunday 01:30"),
                    tuple("ECE log backup", "every 1 minute from 01:30"),
                    tuple("ECE backup purge", "every 1 hour from 00:15"));
            AgentJob full = job(jobs, "ECE full backup");
            assertThat(full.command()).contains("sys.fn_hadr_is_primary_replica(N'eGActiveDB')", "COMPRESSION")
                    .contains("eGMasterDB", "eGReportsDB");
            assertThat(job(jobs, "ECE differential backup").command()).contains("DIFFERENTIAL, COMPRESSION");
            assertThat(job(jobs, "ECE log backup").command()).contains("sys.fn_hadr_backup_is_preferred_replica", "NO_COMPRESSION");
            assertThat(job(jobs, "ECE backup purge").command()).contains("DATEADD(WEEK, -8", "DATEADD(WEEK, -2", "DATEADD(HOUR, -49");
            assertThat(lab.lab().sql().grantSsisCleanupPermissions(host).changed()).isFalse();
        }
        List<LedgerEntry> ledger = lab.lab().ledger();
        assertThat(ledger.size() - ledgerBefore).isEqualTo(2 * (1 + 4));
        assertThat(ledger.stream().map(LedgerEntry::toString).filter(e -> e.contains("##MS_SSISServerCleanupJobUser##")))
                .hasSize(2).allMatch(e -> e.contains("cleanup_server_execution_keys") && e.contains("cleanup_server_log")
                        && e.contains("cleanup_server_project_version") && e.contains("cleanup_server_retention_window"));

        int ledgerAfterFirstRun = ledger.size();
        ProcessInstance rerun = start("SqlServerJobs", lab, Map.of());
        driver.runUntilIdle(lab.key());

        assertThat(rerun).isEnded().hasPassed("EndEvent_JobsConfigured");
        assertThat(rerun.getBusinessKey()).isEqualTo(run.getBusinessKey());
        assertThat(lab.lab().ledger()).hasSize(ledgerAfterFirstRun);
    }

    private static AgentJob job(List<AgentJob> jobs, String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }
}
