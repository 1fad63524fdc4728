package com.eceops.runbook.wiring;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.eceops.runbook.plan.RunPlans;
import com.eceops.runbook.run.RunKey;
import com.eceops.runbook.run.RunMode;

/**
 * A plan run that stops with an incident says so at the top of its plan, with the activity and the failure, in the
 * incident's own transaction: a change board must not take the commands recorded up to a stop for the whole walk.
 * The engine's own handling of failed jobs is kept (this handler is the default one, plus the note).
 */
@Component
class PlanStopsPlugin extends AbstractProcessEnginePlugin {

    private final RunPlans plans;

    PlanStopsPlugin(@Lazy RunPlans plans) {
        this.plans = plans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE) {
            @Override
            public Incident handleIncident(IncidentContext context, String message) {
                Incident incident = super.handleIncident(context, message);
                noteStop(context, message);
                return incident;
            }
        });
        configuration.setCustomIncidentHandlers(handlers);
    }

    private void noteStop(IncidentContext context, String message) {
        if (context.getExecutionId() == null) {
            return;
        }
        ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
        String businessKey = execution == null ? null : execution.getProcessBusinessKey();
        if (businessKey == null) {
            return;
        }
        RunKey key;
        try {
            key = RunKey.parse(businessKey);
        } catch (IllegalArgumentException notARun) {
            return;
        }
        if (key.mode() == RunMode.PLAN) {
            plans.stopped(key, "incident at " + context.getActivityId() + ": " + (message == null ? "no message" : message));
        }
    }
}
