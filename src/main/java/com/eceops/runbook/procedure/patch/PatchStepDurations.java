package com.eceops.runbook.procedure.patch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/**
 * How long the uninterruptible steps took, and so how long they will take. Each step's start and end are marked
 * by execution listeners in PatchEce ({@code ${patchStepDurations.started(execution, 'stopServices')}}); the
 * seconds are kept per run in {@code patchStepSeconds_<step>} ("600,540" for steps done per server). The
 * estimate of a step is the average of the finished live runs of the same estate, or the inventory's
 * {@code patchStepEstimates} when there is none. Rehearsals and plans never count: their time is the lab's.
 */
@Component("patchStepDurations")
public class PatchStepDurations {

    static final String PROCESS = "PatchEce";
    static final String STARTED = "patchStepStarted_";
    static final String SECONDS = "patchStepSeconds_";

    private final HistoryService history;

    PatchStepDurations(HistoryService history) {
        this.history = history;
    }

    public void started(DelegateExecution execution, String step) {
        execution.getProcessInstance().setVariable(STARTED + step, ClockUtil.getCurrentTime());
    }

    public void finished(DelegateExecution execution, String step) {
        Object started = execution.getVariable(STARTED + step);
        if (!(started instanceof java.util.Date from)) {
            return;
        }
        long seconds = Math.max(0, Duration.between(from.toInstant(), ClockUtil.getCurrentTime().toInstant()).toSeconds());
        Object before = execution.getVariable(SECONDS + step);
        String all = before == null || before.toString().isBlank() ? String.valueOf(seconds) : before + "," + seconds;
        execution.getProcessInstance().setVariable(SECONDS + step, all);
        execution.getProcessInstance().removeVariable(STARTED + step);
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
                    .processInstanceId(earlier.getId()).variableName(SECONDS + step).singleResult();
            if (seconds != null && seconds.getValue() != null) {
                recorded.add(seconds.getValue().toString());
            }
        }
        return average(recorded).map(d -> new Estimate(d, "the average of " + recorded.size() + " earlier live run(s)"))
                .orElse(new Estimate(configured, "the inventory's estimate"));
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
