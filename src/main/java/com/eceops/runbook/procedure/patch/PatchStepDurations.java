package com.eceops.runbook.procedure.patch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.run.RunKey;
import com.eceops.runbook.run.RunMode;
import com.eceops.runbook.run.Var;

/**
 * How long the uninterruptible steps took, and so how long they will take. Each step's start and end are marked
 * by execution listeners in PatchEce ({@code ${patchStepDurations.started(execution, 'stopServices')}}); the
 * seconds are kept per run in {@code patchStepSeconds_<step>} ("600,540" for steps done per server), one pair of
 * variables per step ({@link StepVariables}). The
 * estimate of a step is the average of the finished live runs of the same estate, or the inventory's
 * {@code patchStepEstimates} when there is none. Rehearsals and plans never count: their time is the lab's.
 */
@Component("patchStepDurations")
public class PatchStepDurations {

    static final String PROCESS = "PatchEce";

    /** When the step started, while it runs, and the seconds it took, per run. */
    record StepVariables(Var<Date> started, Var<String> seconds) {
    }

    static final Map<String, StepVariables> STEPS = Map.of(
            "stopServices", new StepVariables(Var.of("patchStepStarted_stopServices", Date.class),
                    Var.string("patchStepSeconds_stopServices")),
            "backUpDatabases", new StepVariables(Var.of("patchStepStarted_backUpDatabases", Date.class),
                    Var.string("patchStepSeconds_backUpDatabases")),
            "installPatch", new StepVariables(Var.of("patchStepStarted_installPatch", Date.class),
                    Var.string("patchStepSeconds_installPatch")),
            "startServices", new StepVariables(Var.of("patchStepStarted_startServices", Date.class),
                    Var.string("patchStepSeconds_startServices")));

    private final HistoryService history;

    PatchStepDurations(HistoryService history) {
        this.history = history;
    }

    public void started(DelegateExecution execution, String step) {
        variablesOf(step).started().set(execution.getProcessInstance(), ClockUtil.getCurrentTime());
    }

    public void finished(DelegateExecution execution, String step) {
        StepVariables variables = variablesOf(step);
        Optional<Date> started = variables.started().from(execution);
        if (started.isEmpty()) {
            return;
        }
        long seconds = Math.max(0, Duration.between(started.get().toInstant(), ClockUtil.getCurrentTime().toInstant()).toSeconds());
        String before = variables.seconds().from(execution).orElse(null);
        String all = before == null || before.isBlank() ? String.valueOf(seconds) : before + "," + seconds;
        variables.seconds().set(execution.getProcessInstance(), all);
        variables.started().remove(execution.getProcessInstance());
    }

    /** The estimate of {@code step} for a run of {@code estate} in the mode of {@code runKey}. */
    public Estimate estimate(Estate estate, String runKey, String step) {
        Duration configured = estate.patchStepEstimates().of(step);
        if (RunKey.parse(runKey).mode() != RunMode.LIVE) {
            return new Estimate(configured, "the inventory's estimate");
        }
        List<String> recorded = new ArrayList<>();
        for (HistoricProcessInstance earlier : history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKeyLike(estate.name() + "." + RunMode.LIVE.id() + ".%").finished().list()) {
            HistoricVariableInstance seconds = history.createHistoricVariableInstanceQuery()
                    .processInstanceId(earlier.getId()).variableName(variablesOf(step).seconds().name()).singleResult();
            if (seconds != null && seconds.getValue() != null) {
                recorded.add(seconds.getValue().toString());
            }
        }
        return average(recorded).map(d -> new Estimate(d, "the average of " + recorded.size() + " earlier live run(s)"))
                .orElse(new Estimate(configured, "the inventory's estimate"));
    }

    private static StepVariables variablesOf(String step) {
        StepVariables variables = STEPS.get(step);
        if (variables == null) {
            throw new IllegalArgumentException("no patch step '" + step + "'; one of " + STEPS.keySet());
        }
        return variables;
    }

    /** The average of every figure in "600,540" texts, rounded up to the second; empty when there is none. */
    static Optional<Duration> average(List<String> recorded) {
        long sum = 0;
        int count = 0;
        for (String text : recorded) {
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                sum += Long.parseLong(part.trim());
                count++;
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds((sum + count - 1) / count));
    }

    /** An estimate and where it comes from, for the change managers' form. */
    public record Estimate(Duration duration, String source) {
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
