package com.eceops.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives a run with the job executor off, as an impatient job executor would: executes every job of the run
 * (its top-level instance and every called section), due or not, until only human tasks or incidents remain.
 */
public final class RunDriver {

    private final ProcessEngine engine;

    public RunDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    public ProcessInstance start(String processKey, Map<String, Object> variables) {
        return engine.getRuntimeService().startProcessInstanceByKey(processKey, variables);
    }

    /** Runs jobs until none is executable; failing jobs lose a retry each time, as they would. */
    public void runUntilIdle(String runKey) {
        for (int guard = 0; guard < 500; guard++) {
            List<Job> jobs = executableJobs(runKey);
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException expectedForFailingSteps) {
                    // The engine has recorded the failure and decremented the retries.
                }
            }
        }
        throw new IllegalStateException("run " + runKey + " still has jobs after 500 rounds");
    }

    /**
     * Runs jobs one at a time until the run has a job at {@code activityId} (left unexecuted), so that a test can
     * change the lab at that point, as someone else working on the servers would while the run waits there.
     */
    public void runUntilJobAt(String runKey, String activityId) {
        for (int guard = 0; guard < 500; guard++) {
            List<Job> jobs = executableJobs(runKey);
            if (jobs.stream().anyMatch(job -> activityId.equals(activityOf(job)))) {
                return;
            }
            if (jobs.isEmpty()) {
                throw new AssertionError("run " + runKey + " became idle without a job at " + activityId);
            }
            try {
                engine.getManagementService().executeJob(jobs.get(0).getId());
            } catch (RuntimeException expectedForFailingSteps) {
                // As in runUntilIdle.
            }
        }
        throw new IllegalStateException("run " + runKey + " reached no job at " + activityId + " in 500 jobs");
    }

    private String activityOf(Job job) {
        var definition = engine.getManagementService().createJobDefinitionQuery()
                .jobDefinitionId(job.getJobDefinitionId()).singleResult();
        return definition == null ? null : definition.getActivityId();
    }

    /** Runs the run to its end, answering each human task with what {@code answers} gives for its task id. */
    public void answerEveryTaskUntilTheRunEnds(String runKey,
                                               java.util.function.Function<String, java.util.Optional<Map<String, Object>>> answers) {
        for (int round = 0; round < 100; round++) {
            runUntilIdle(runKey);
            List<Task> open = tasks(runKey);
            if (open.isEmpty()) {
                return;
            }
            for (Task task : open) {
                complete(task, answers.apply(task.getTaskDefinitionKey()).orElseThrow(
                        () -> new AssertionError("no answer for " + task.getTaskDefinitionKey())));
            }
        }
        throw new AssertionError("run " + runKey + " did not end within 100 rounds of answers");
    }

    public List<Task> tasks(String runKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(runKey).list();
    }

    public void complete(Task task, Map<String, Object> answers) {
        engine.getTaskService().complete(task.getId(), answers);
    }

    /** The one open human task of the run; fails the test when there is none or more than one. */
    public Task onlyTask(ProcessInstance run) {
        List<Task> tasks = tasks(run.getBusinessKey());
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    /** The activities {@code run} has finished, in the order they occurred. */
    public List<String> passed(ProcessInstance run) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId()).finished()
                .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    private List<Job> executableJobs(String runKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(runKey).list()
                .stream()
                .flatMap(instance -> engine.getManagementService().createJobQuery()
                        .processInstanceId(instance.getId()).withRetriesLeft().list().stream())
                .toList();
    }
}
