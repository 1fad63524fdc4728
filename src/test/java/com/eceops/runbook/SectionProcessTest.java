package com.eceops.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;

/**
 * A section of the preinstallation started on its own in rehearsal, on a lab prepared with the earlier steps
 * ({@link EarlierSteps}): the lab is opened under the run's key before the start, so the run finds it.
 */
public abstract class SectionProcessTest extends RunbookApplicationTest {

    private static final AtomicInteger RUNS = new AtomicInteger();

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected HistoryService history;
    @Autowired
    protected RehearsalLabs labs;
    @Autowired
    protected EstateRepository estates;

    protected RunDriver driver;

    @BeforeEach
    void drive() {
        BpmnAwareTests.init(engine);
        driver = new RunDriver(engine);
    }

    /** A new run's key and its lab, bare or from a scenario, with nothing of the procedure done yet. */
    protected EarlierSteps prepare(String scenario) {
        String key = SAMPLE + ".rehearsal.20261107-210000-" + System.nanoTime() % 100000 + RUNS.incrementAndGet();
        LabScenario labScenario = scenario == null ? LabScenario.defaults().withDurationScale(0) : scenario(scenario);
        RehearsalLab lab = labs.open(key, estates.load(SAMPLE), labScenario);
        return new EarlierSteps(key, scenario, lab);
    }

    protected ProcessInstance start(String processKey, EarlierSteps prepared, Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(Map.of("estate", SAMPLE, "runMode", "rehearsal"));
        if (prepared.scenario() != null) {
            variables.put("labScenario", prepared.scenario());
        }
        variables.putAll(extra);
        return runtime.startProcessInstanceByKey(processKey, prepared.key(), variables);
    }

    protected Task onlyTask(String runKey) {
        List<Task> tasks = driver.tasks(runKey);
        if (tasks.size() != 1) {
            throw new AssertionError("expected one task, found " + tasks.stream().map(Task::getTaskDefinitionKey).toList());
        }
        return tasks.get(0);
    }

    /** The activities an instance finished, in the order they started. */
    protected List<String> passed(ProcessInstance instance) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).finished()
                .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    private static LabScenario scenario(String name) {
        try {
            return LabScenario.fromYaml(Files.readString(Path.of("src/main/resources/scenarios", name + ".yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
