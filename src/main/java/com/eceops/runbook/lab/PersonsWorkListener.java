package com.eceops.runbook.lab;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A rehearsal person action as a task listener: when the task completes, its {@link PersonsWork} is done to the run's
 * lab. A live run has no lab, so nothing happens there.
 */
abstract class PersonsWorkListener implements TaskListener {

    private final RunLabs runs;
    private final PersonsWork work;

    PersonsWorkListener(RunLabs runs, PersonsWork work) {
        this.runs = runs;
        this.work = work;
    }

    @Override
    public final void notify(DelegateTask task) {
        runs.labOf(task, task.getExecution().getProcessBusinessKey())
                .ifPresent(lab -> work.perform(lab, task.getTaskDefinitionKey(), task));
    }
}
