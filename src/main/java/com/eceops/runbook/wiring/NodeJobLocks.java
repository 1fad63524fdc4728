package com.eceops.runbook.wiring;

import java.net.InetAddress;
import java.net.UnknownHostException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A node that died left its jobs locked until their lock time ran out (minutes inside a patch window). The job
 * executor's lock owner is therefore the node's own stable name instead of a new random one at every start, and a
 * starting node frees the jobs it held before it died: they are picked up within a second. Only its own: another
 * node's jobs keep their lock, so a step still running there is never run twice. Two JVMs must not share a name
 * ({@code runbook.node-id}; by default host name and HTTP port).
 */
@Component
class NodeJobLocks extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(NodeJobLocks.class);

    private final String nodeId;
    private final JdbcTemplate jdbc;

    NodeJobLocks(@Value("${runbook.node-id:}") String configured, @Value("${server.port:8080}") int port,
                 DataSource dataSource) {
        this.nodeId = configured.isBlank() ? hostName() + ":" + port : configured.trim();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    String nodeId() {
        return nodeId;
    }

    /** The engine's host name is the node's name too, so the job log says which node ran each job. */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(nodeId);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(nodeId);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        int freed = freeJobsHeldBeforeRestart();
        if (freed > 0) {
            LOG.warn("Node {} freed {} job(s) it held when it stopped; they run again now", nodeId, freed);
        }
    }

    /** The jobs this node's previous life had locked, unlocked; the table is the engine's (no table prefix). */
    int freeJobsHeldBeforeRestart() {
        return jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL WHERE LOCK_OWNER_ = ?", nodeId);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
