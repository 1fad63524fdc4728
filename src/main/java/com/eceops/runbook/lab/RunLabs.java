package com.eceops.runbook.lab;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The rehearsal lab of a run, for the person actions a rehearsal plays; none for a live run. */
public interface RunLabs {

    Optional<RehearsalLab> labOf(VariableScope scope, String businessKey);
}
