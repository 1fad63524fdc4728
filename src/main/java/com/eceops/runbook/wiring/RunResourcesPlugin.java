package com.eceops.runbook.wiring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.eceops.runbook.plan.RunPlans;
import com.eceops.runbook.run.EveryProcess;
import com.eceops.runbook.run.RunKey;
import com.eceops.runbook.run.RunMode;

/**
 * Releases a run's remote sessions and installer handles when the run is over, and marks a plan run's plan
 * complete or cancelled: a built-in end listener on
 * every process the engine parses, so no model can forget it. Built-in listeners also run when an instance is
 * deleted, even with custom listeners skipped. Only the top-level instance of a run releases: a called section
 * ending hands the run back to its caller, which still works over the same sessions.
 */
@Component
class RunResourcesPlugin extends AbstractProcessEnginePlugin {

    private final RealOperations real;
    private final RunPlans plans;

    RunResourcesPlugin(@Lazy RealOperations real, @Lazy RunPlans plans) {
        this.real = real;
        this.plans = plans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryProcess.afterParsing(configuration, (element, process) ->
                process.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::runEnded));
    }

    /** A plan says at its top whether its run walked to the end; a cancelled run did not. */
    private void planEnded(DelegateExecution execution) {
        RunKey key;
        try {
            key = RunKey.parse(execution.getProcessBusinessKey());
        } catch (IllegalArgumentException notARun) {
            return;
        }
        if (key.mode() == RunMode.PLAN) {
            plans.ended(key, !execution.isCanceled());
        }
    }

    void runEnded(DelegateExecution execution) {
        boolean topLevel = execution.getId().equals(execution.getProcessInstanceId()) && execution.getSuperExecution() == null;
        if (topLevel && execution.getProcessBusinessKey() != null) {
            real.release(execution.getProcessBusinessKey());
            planEnded(execution);
        }
    }
}
