package com.eceops.runbook.run;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a step asks for: the operations of the run it belongs to. The composition root answers, from the run's
 * business key, with the lab (rehearsal), the lab and a recorder (plan) or the real servers (live); a step never
 * knows which.
 */
public interface RunOperations {

    RunContext of(DelegateExecution execution);
}
