package com.eceops.runbook.run;


import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
        EveryProcess.beforeParsing(configuration, (element, process) ->
                process.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) guard::notify));
    }
}
