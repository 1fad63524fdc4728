package com.eceops.runbook.wiring;

import com.eceops.runbook.lab.RehearsalAnswers;
import com.eceops.runbook.run.RunMode;
import com.eceops.runbook.run.RunVariables;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Runs one rehearsal without a browser: starts the process, answers human tasks from a file, prints
 * progress (step N of M, the current step, elapsed time) and returns an exit code: 0 finished, 1 an
 * incident, 2 refused to start, 3 a task had no answer, 4 timed out.
 */
public class HeadlessRehearsal {

    public static final int FINISHED = 0;
    public static final int INCIDENT = 1;
    public static final int REFUSED = 2;
    public static final int UNANSWERED_TASK = 3;
    public static final int TIMED_OUT = 4;

    private final ProcessEngine engine;
    private final PrintStream out;
    private final StepLabels labels;

    public HeadlessRehearsal(ProcessEngine engine, PrintStream out) {
        this.engine = engine;
        this.out = out;
        this.labels = new StepLabels(engine.getRepositoryService());
    }

    public int run(String processKey, String estate, Path answersFile, String scenario, Duration timeout) {
        return run(RunMode.REHEARSAL, processKey, estate, answersFile, scenario, timeout);
    }

    /**
     * A rehearsal or a plan (the same walk on the lab, with every change recorded instead of sent). Live runs are
     * not started from here: they need a person to type the estate's name in the start form.
     */
    public int run(RunMode mode, String processKey, String estate, Path answersFile, String scenario, Duration timeout) {
        if (mode == RunMode.LIVE) {
            out.println("refused: a live run is started in Tasklist, where its starter types the estate's name");
            return REFUSED;
        }
        Optional<RehearsalAnswers> answers = answers(answersFile);
        if (answers.isEmpty()) {
            return REFUSED;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(RunVariables.ESTATE.name(), estate);
        variables.put(RunVariables.RUN_MODE.name(), mode.id());
        if (scenario != null && !scenario.isBlank()) {
            variables.put(RunVariables.LAB_SCENARIO.name(), scenario);
        }
        ProcessInstance instance;
        try {
            instance = engine.getRuntimeService().startProcessInstanceByKey(processKey, variables);
        } catch (RuntimeException e) {
            out.println("refused: " + e.getMessage());
            return REFUSED;
        }
        out.println(mode.id() + " " + instance.getBusinessKey() + " started; if this process stops, continue it with"
                + " --resume=" + instance.getBusinessKey() + " (same --runbook.data-dir)");
        return follow(instance, processKey, answers.get(), timeout);
    }

    /**
     * Continues a run that is in the database already (its JVM died, or it was started in the server): the job
     * executor takes its jobs up again, and persons' tasks are answered from the file as in a new rehearsal.
     */
    public int resume(String runKey, Path answersFile, Duration timeout) {
        Optional<RehearsalAnswers> answers = answers(answersFile);
        if (answers.isEmpty()) {
            return REFUSED;
        }
        List<ProcessInstance> roots = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(runKey).rootProcessInstances().list();
        if (roots.size() != 1) {
            long over = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(runKey)
                    .rootProcessInstances().finished().count();
            out.println("refused: " + (over > 0 ? "run " + runKey + " is over; there is nothing to resume"
                    : "no run " + runKey + " in this database; a headless rehearsal keeps its runs in --runbook.data-dir="
                    + "./data/headless, the server in ./data"));
            return REFUSED;
        }
        ProcessInstance instance = roots.get(0);
        String processKey = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey();
        out.println("resuming " + runKey + " (" + processKey + ")");
        return follow(instance, processKey, answers.get(), timeout);
    }

    private Optional<RehearsalAnswers> answers(Path answersFile) {
        try {
            return Optional.of(answersFile == null ? RehearsalAnswers.none() : RehearsalAnswers.read(answersFile));
        } catch (IllegalArgumentException e) {
            out.println("refused: " + e.getMessage());
            return Optional.empty();
        }
    }

    private int follow(ProcessInstance instance, String processKey, RehearsalAnswers answers, Duration timeout) {
        String runKey = instance.getBusinessKey();
        Set<String> steps = new RunProgress(engine.getRepositoryService()).stepActivities(processKey);
        out.println("rehearsal " + runKey + ": " + steps.size() + " steps");
        Instant started = Instant.now();
        String lastProgress = "";
        while (true) {
            HistoricProcessInstance root = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(instance.getId()).singleResult();
            String progress = progress(runKey, steps);
            if (!progress.equals(lastProgress)) {
                out.println("[" + elapsed(started) + "] " + progress);
                lastProgress = progress;
            }
            if (root.getEndTime() != null) {
                out.println("finished " + runKey + " in " + elapsed(started) + " (" + root.getState() + ")");
                return "COMPLETED".equals(root.getState()) ? FINISHED : INCIDENT;
            }
            List<Incident> incidents = runInstanceIds(runKey).stream()
                    .flatMap(id -> engine.getRuntimeService().createIncidentQuery().processInstanceId(id).list().stream())
                    .toList();
            if (!incidents.isEmpty()) {
                incidents.forEach(i -> out.println("incident at " + i.getActivityId() + ": " + i.getIncidentMessage()));
                return INCIDENT;
            }
            for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(runKey).list()) {
                var answer = answers.forTask(task.getTaskDefinitionKey());
                if (answer.isEmpty()) {
                    out.println("task \"" + task.getName() + "\" (" + task.getTaskDefinitionKey()
                            + ") needs an answer: add it to the answers file");
                    return UNANSWERED_TASK;
                }
                out.println("answering \"" + task.getName() + "\" from the answers file");
                engine.getTaskService().complete(task.getId(), answer.get());
            }
            if (Duration.between(started, Instant.now()).compareTo(timeout) > 0) {
                out.println("timed out after " + elapsed(started) + " at: " + lastProgress);
                return TIMED_OUT;
            }
            pause();
        }
    }

    /** The labels of what an instance is doing now; none when it ended since it was listed. */
    private List<String> currentStepLabels(String processInstanceId) {
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        if (instance == null) {
            return List.of();
        }
        try {
            return engine.getRuntimeService().getActiveActivityIds(processInstanceId).stream()
                    .map(activity -> labels.label(instance.getProcessDefinitionId(), activity)).toList();
        } catch (ProcessEngineException endedMeanwhile) {
            return List.of();
        }
    }

    private List<String> runInstanceIds(String runKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(runKey).list()
                .stream().map(ProcessInstance::getId).toList();
    }

    private String progress(String runKey, Set<String> steps) {
        HistoryService history = engine.getHistoryService();
        List<HistoricActivityInstance> activities = historicIds(runKey).stream()
                .flatMap(id -> history.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream())
                .toList();
        long done = activities.stream().filter(a -> a.getEndTime() != null && !a.isCanceled())
                .map(HistoricActivityInstance::getActivityId).filter(steps::contains).distinct().count();
        String current = runInstanceIds(runKey).stream()
                .flatMap(id -> currentStepLabels(id).stream())
                .filter(label -> !label.isEmpty()).distinct().reduce((a, b) -> a + " | " + b).orElse("-");
        return "step " + done + " of " + steps.size() + " · " + current;
    }

    private List<String> historicIds(String runKey) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(runKey)
                .list().stream().map(HistoricProcessInstance::getId).toList();
    }

    private static String elapsed(Instant started) {
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
