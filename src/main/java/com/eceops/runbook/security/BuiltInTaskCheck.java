package com.eceops.runbook.security;

import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A check the trust model rests on, on every user task that shows one form: the engine plugin puts it on the
 * task as a built-in listener, so no model can leave it out and no API can skip it. A bean of this type is
 * found by the plugin; the models do not name it.
 */
public interface BuiltInTaskCheck extends TaskListener {

    /** The id of the Camunda Form whose tasks this check stands on (camunda:formRef). */
    String formRef();

    /** The task events it listens to: {@code assignment}, {@code complete}. */
    Set<String> events();
}
