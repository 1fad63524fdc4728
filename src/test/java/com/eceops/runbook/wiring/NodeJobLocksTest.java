package com.eceops.runbook.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.eceops.runbook.RunbookApplicationTest;

class NodeJobLocksTest extends RunbookApplicationTest {

    @Autowired
    NodeJobLocks nodeLocks;
    @Autowired
    ProcessEngineConfigurationImpl configuration;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    DataSource dataSource;

    @Test
    void theJobExecutorLocksUnderTheNodesOwnStableName() {
        assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo(nodeLocks.nodeId()).isNotBlank();
        assertThat(configuration.getHostname()).as("the job log names the node").isEqualTo(nodeLocks.nodeId());
    }

    @Test
    void aRestartedNodeFreesTheJobsItHeldAndLeavesOtherNodesJobsLocked() {
        ProcessInstance mine = runtime.startProcessInstanceByKey("SystemChecks", Map.of("estate", SAMPLE, "runMode", "rehearsal"));
        ProcessInstance theirs = runtime.startProcessInstanceByKey("SystemChecks", Map.of("estate", SAMPLE, "runMode", "rehearsal"));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Timestamp inFiveMinutes = Timestamp.from(Instant.now().plusSeconds(300));
        // As the job executor leaves them when the JVM dies in the middle of a step.
        jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? WHERE PROCESS_INSTANCE_ID_ = ?",
                nodeLocks.nodeId(), inFiveMinutes, mine.getId());
        jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? WHERE PROCESS_INSTANCE_ID_ = ?",
                "another-node:8080", inFiveMinutes, theirs.getId());
        try {
            assertThat(nodeLocks.freeJobsHeldBeforeRestart()).isEqualTo(1);

            assertThat(jdbc.queryForList("SELECT LOCK_OWNER_, LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ?",
                    mine.getId())).singleElement().satisfies(row -> assertThat(row.values()).containsOnlyNulls());
            assertThat(jdbc.queryForObject("SELECT LOCK_OWNER_ FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ?", String.class,
                    theirs.getId())).isEqualTo("another-node:8080");
            assertThat(management.createJobQuery().processInstanceId(mine.getId()).executable().count()).isEqualTo(1);
        } finally {
            jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL WHERE PROCESS_INSTANCE_ID_ IN (?, ?)",
                    mine.getId(), theirs.getId());
            runtime.deleteProcessInstance(mine.getId(), "test");
            runtime.deleteProcessInstance(theirs.getId(), "test");
        }
    }
}
