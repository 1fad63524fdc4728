package com.eceops.runbook.run;


import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link RunGuard} and the estate lock on the start and end of every process the engine parses, so no model
 * can forget them.
 */
@Component
class RunGuardPlugin extends AbstractProcessEnginePlugin {

    private final ExecutionListener guard;
    private final EstateLockListeners locks;

    RunGuardPlugin(@Lazy RunGuard guard, @Lazy EstateLockListeners locks) {
        this.guard = guard;
        this.locks = locks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryProcess.beforeParsing(configuration, (element, process) -> {
            process.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) guard::notify);
            // After the guard, which gives a top-level run its key; a called section carries its caller's.
            process.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> locks.take(execution));
            process.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> locks.release(execution));
        });
    }
}
