package com.eceops.runbook.run;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Puts the {@link RunGuard} on the start of every process the engine parses, so no model can forget it. */
@Component
class RunGuardPlugin extends AbstractProcessEnginePlugin {

    private final ExecutionListener guard;

    RunGuardPlugin(@Lazy RunGuard guard) {
        this.guard = guard;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) guard::notify);
            }
        });
    }
}
