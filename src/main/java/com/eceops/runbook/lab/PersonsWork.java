package com.eceops.runbook.lab;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a person does on the servers when they complete a task, done to a lab instead: the rehearsal's stand-in for the
 * person's hands. {@code task} holds the task's variables, the person's answers among them.
 */
@FunctionalInterface
interface PersonsWork {

    void perform(RehearsalLab lab, String taskKey, VariableScope task);
}
