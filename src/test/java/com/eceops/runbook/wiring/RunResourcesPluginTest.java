package com.eceops.runbook.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunDriver;
import com.eceops.runbook.RunbookApplicationTest;
import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.estate.SecretResolver;
import com.eceops.runbook.run.RunKey;
import com.eceops.runbook.technology.web.HttpWebEndpointOperations;

/** A run's sessions are released when its top-level instance ends or is deleted, not when a called section ends. */
class RunResourcesPluginTest extends RunbookApplicationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RealOperations real;

    @Test
    void deletingARunReleasesWhatItHeld() {
        RunDriver driver = new RunDriver(engine);
        ProcessInstance run = driver.start("Preinstallation", Map.of("estate", SAMPLE, "runMode", "plan"));
        driver.runUntilIdle(run.getBusinessKey());
        assertThat(real.holds(run.getBusinessKey())).as("the plan run's steps before its first task made its sessions").isTrue();

        engine.getRuntimeService().deleteProcessInstance(run.getId(), "test finished", true);

        assertThat(real.holds(run.getBusinessKey())).isFalse();
    }

    @Test
    void aCalledSectionEndingLeavesItsCallersSessionsAlone() {
        EstateProperties properties = new EstateProperties(Path.of("estates"), Path.of("secrets/none.properties"));
        RealOperations operations = new RealOperations(new SecretResolver(properties),
                HttpWebEndpointOperations.withDefaultTrust(Duration.ofSeconds(5)));
        RunKey key = RunKey.parse("massivedynamic.live.20261125-220000");
        operations.live(key, new EstateRepository(properties).load("massivedynamic"));
        // A live run: the plans are never asked.
        RunResourcesPlugin plugin = new RunResourcesPlugin(operations, null);

        plugin.runEnded(execution("section", "section", key.toString(), true));
        plugin.runEnded(execution("task", "instance", key.toString(), false));
        assertThat(operations.holds(key.toString())).isTrue();

        plugin.runEnded(execution("instance", "instance", key.toString(), false));
        assertThat(operations.holds(key.toString())).isFalse();
    }

    /** The few answers the listener asks of an ending execution. */
    private static DelegateExecution execution(String id, String processInstanceId, String businessKey, boolean called) {
        DelegateExecution caller = called ? execution("caller", "caller", businessKey, false) : null;
        return (DelegateExecution) Proxy.newProxyInstance(RunResourcesPluginTest.class.getClassLoader(),
                new Class<?>[] {DelegateExecution.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "getProcessInstanceId" -> processInstanceId;
                    case "getProcessBusinessKey" -> businessKey;
                    case "getSuperExecution" -> called ? caller : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
