package com.eceops.runbook.procedure.patch;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Who registered the patch, as the engine recorded it: the authenticated user who started the run at its root
 * (Schedule a patch), from the engine's history. A variable can say anything; the start record cannot be
 * changed through any API.
 */
final class PatchRequester {

    private PatchRequester() {
    }

    static String of(DelegateTask task) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        String root = execution.getRootProcessInstanceId();
        HistoricProcessInstance started = Context.getCommandContext().getHistoricProcessInstanceManager()
                .findHistoricProcessInstance(root);
        if (started == null || started.getStartUserId() == null) {
            // Started by the runbook's own code (the headless runner, a test), which no caller can reach and which
            // names the requester itself; people cannot write variables (the engine's command gate).
            return PatchVariables.REQUESTER.orElse(task, "nobody");
        }
        return started.getStartUserId();
    }
}
