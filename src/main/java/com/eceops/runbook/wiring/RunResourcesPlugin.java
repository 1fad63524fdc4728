package com.eceops.runbook.wiring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.EveryProcess;

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
        EveryProcess.afterParsing(configuration, (element, process) ->
                process.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::runEnded));
    }

    void runEnded(DelegateExecution execution) {
        boolean topLevel = execution.getId().equals(execution.getProcessInstanceId()) && execution.getSuperExecution() == null;
        if (topLevel && execution.getProcessBusinessKey() != null) {
            real.release(execution.getProcessBusinessKey());
        }
    }
}
