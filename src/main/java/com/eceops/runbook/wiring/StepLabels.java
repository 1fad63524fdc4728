package com.eceops.runbook.wiring;

import com.eceops.runbook.run.ProcedureStep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * How progress names an activity for people: its procedure step and label, such as
 * {@code pre-1 Restart the server}. Sections (call activities) and unnamed gateways are not steps.
 */
final class StepLabels {

    private final RepositoryService repository;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    StepLabels(RepositoryService repository) {
        this.repository = repository;
    }

    String label(String processDefinitionId, String activityId) {
        return cache.computeIfAbsent(processDefinitionId + "#" + activityId, key -> {
            BaseElement element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
            if (!(element instanceof FlowNode node) || element instanceof CallActivity || node.getName() == null) {
                return "";
            }
            String step = element instanceof Activity ? ProcedureStep.of(element) : "";
            return ("unknown step".equals(step) || step.isEmpty() ? "" : step + " ") + node.getName().replace('\n', ' ');
        });
    }
}
