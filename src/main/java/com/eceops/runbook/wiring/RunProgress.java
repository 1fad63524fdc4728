package com.eceops.runbook.wiring;

import com.eceops.runbook.run.ProcedureStep;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CallActivity;

/**
 * Counts the procedure's steps in a process and in every section it calls: the activities that name a
 * {@code procedureStep} and do the work themselves (call activities only group them).
 */
final class RunProgress {

    private final RepositoryService repository;

    RunProgress(RepositoryService repository) {
        this.repository = repository;
    }

    /** The ids of the step activities reachable from the process, through its call activities. */
    Set<String> stepActivities(String processKey) {
        Set<String> steps = new LinkedHashSet<>();
        collect(processKey, steps, new HashSet<>());
        return steps;
    }

    private void collect(String processKey, Set<String> steps, Set<String> visited) {
        if (!visited.add(processKey)) {
            return;
        }
        var definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (definition == null) {
            return;
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        for (Activity activity : model.getModelElementsByType(Activity.class)) {
            if (activity instanceof CallActivity call) {
                collect(call.getCalledElement(), steps, visited);
            } else if (!"unknown step".equals(ProcedureStep.of(activity))) {
                steps.add(activity.getId());
            }
        }
    }
}
