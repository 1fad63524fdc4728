package com.eceops.runbook.run;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads the {@code procedureStep} extension property that ties an activity to the document. */
public final class ProcedureStep {

    public static final String PROPERTY = "procedureStep";

    private ProcedureStep() {
    }

    public static String of(DelegateExecution execution) {
        return of(execution.getBpmnModelElementInstance());
    }

    public static String of(BaseElement element) {
        if (element == null) {
            return "unknown step";
        }
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return "unknown step";
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> PROPERTY.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst()
                .orElse("unknown step");
    }
}
