package com.eceops.runbook.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the trust model into the engine itself rather than into the models or the clients: the command gate
 * ({@link GuardedCommands}) in front of every command, and the checks the trust model rests on as built-in
 * listeners, which {@code skipCustomListeners} does not skip and a model cannot leave out.
 */
@Component
class TrustBoundaryPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<BuiltInTaskCheck> taskChecks;
    private final ObjectProvider<BuiltInStartCheck> startChecks;

    TrustBoundaryPlugin(ObjectProvider<BuiltInTaskCheck> taskChecks, ObjectProvider<BuiltInStartCheck> startChecks) {
        this.taskChecks = taskChecks;
        this.startChecks = startChecks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        GuardedCommands gate = new GuardedCommands(configuration);
        configuration.setCustomPreCommandInterceptorsTxRequired(withFirst(gate, configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withFirst(gate, configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new BuiltInChecks());
    }

    private static List<CommandInterceptor> withFirst(CommandInterceptor gate, List<CommandInterceptor> others) {
        List<CommandInterceptor> all = new ArrayList<>();
        all.add(gate);
        if (others != null) {
            all.addAll(others);
        }
        return all;
    }

    private final class BuiltInChecks extends AbstractBpmnParseListener {

        private final TaskListener recordWhoCompleted = new RecordWhoCompleted();

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            String form = formRef(definition.getCamundaFormDefinitionKey());
            taskChecks.orderedStream().filter(check -> check.formRef().equals(form))
                    .forEach(check -> check.events().forEach(event -> definition.addBuiltInTaskListener(event, check)));
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, recordWhoCompleted);
        }

        @Override
        public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
            if (!(scope instanceof ProcessDefinitionEntity)) {
                return;
            }
            String form = startEventElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS,
                    "formRef");
            startChecks.orderedStream().filter(check -> check.startFormRef().equals(form))
                    .forEach(check -> startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, check));
        }

        private static String formRef(Expression key) {
            return key == null ? null : key.getExpressionText();
        }
    }
}
