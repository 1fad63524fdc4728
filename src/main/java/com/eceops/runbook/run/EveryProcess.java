package com.eceops.runbook.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * How an engine plugin puts something on every process the engine parses, so that no model can forget it:
 * before the engine's own parsing of the process (its start listeners run first) or after the whole process
 * is parsed (its tasks are there to find).
 */
public final class EveryProcess {

    private EveryProcess() {
    }

    public static void beforeParsing(ProcessEngineConfigurationImpl configuration,
                                     BiConsumer<Element, ProcessDefinitionEntity> onProcess) {
        add(configuration::getCustomPreBPMNParseListeners, configuration::setCustomPreBPMNParseListeners, onProcess);
    }

    public static void afterParsing(ProcessEngineConfigurationImpl configuration,
                                    BiConsumer<Element, ProcessDefinitionEntity> onProcess) {
        add(configuration::getCustomPostBPMNParseListeners, configuration::setCustomPostBPMNParseListeners, onProcess);
    }

    private static void add(java.util.function.Supplier<List<BpmnParseListener>> listeners,
                            Consumer<List<BpmnParseListener>> setListeners,
                            BiConsumer<Element, ProcessDefinitionEntity> onProcess) {
        if (listeners.get() == null) {
            setListeners.accept(new ArrayList<>());
        }
        listeners.get().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                onProcess.accept(processElement, processDefinition);
            }
        });
    }
}
