package com.eceops.runbook.security;

import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * A check that stands after the run guard at the start of every process started with one form: the engine
 * plugin puts it on the start event's end as a built-in listener, so neither the model nor a caller can skip it.
 */
public interface BuiltInStartCheck extends ExecutionListener {

    /** The id of the start event's Camunda Form (camunda:formRef). */
    String startFormRef();
}
