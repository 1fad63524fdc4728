package com.eceops.runbook.wiring;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Releases a run's remote sessions and installer handles when the run is over: a built-in end listener on
 * every process the engine parses, so no model can forget it. Built-in listeners also run when an instance is
 * deleted, even with custom listeners skipped. Only the top-level instance of a run releases: a called section
 * ending hands the run back to its caller, which still works over the same sessions.
 */
@Component
class RunResourcesPlugin extends AbstractProcessEnginePlugin {

    private final RealOperations real;

    RunResourcesPlugin(@Lazy RealOperations real) {
        this.real = real;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) RunResourcesPlugin.this::runEnded);
            }
        });
    }

    void runEnded(DelegateExecution execution) {
        boolean topLevel = execution.getId().equals(execution.getProcessInstanceId()) && execution.getSuperExecution() == null;
        if (topLevel && execution.getProcessBusinessKey() != null) {
            real.release(execution.getProcessBusinessKey());
        }
    }
}
