package com.eceops.runbook.security;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.UserOperationLogQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetStateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;

/**
 * The engine's own gate in front of every command a signed-in person sends, whatever the API (REST, the
 * webapps, a plugin): authorizations say who may touch which resource; this says which kinds of change are
 * the administrators' alone, and holds every form submission to its form.
 *
 * <ul>
 *   <li>Starting at chosen activities, modifying, restarting, migrating, suspending or deleting instances, and
 *   writing or removing variables outside a task's own form, are refused to everyone but administrators (403),
 *   so no listener, approval or check can be stepped around and no value can be changed behind a person's
 *   back. Skip flags only exist on those operations.</li>
 *   <li>A task completion or a start is checked against the deployed form (400 naming the field and rule; 413
 *   past the size limit), for administrators too.</li>
 *   <li>The user-operation log is the administrators': anyone else reads only their own entries.</li>
 * </ul>
 * Only the outermost command is judged: what the engine runs inside it on its own behalf is not the caller's
 * request. Calls without an authenticated user are the runbook's own code.
 */
final class GuardedCommands extends CommandInterceptor {

    private static final List<Class<?>> ADMINISTRATORS_ONLY = List.of(
            StartProcessInstanceAtActivitiesCmd.class, ModifyProcessInstanceCmd.class,
            ModifyProcessInstanceAsyncCmd.class, AbstractModificationCmd.class,
            AbstractRestartProcessInstanceCmd.class, AbstractMigrationCmd.class,
            AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class,
            SetVariablesToProcessInstancesBatchCmd.class,
            AbstractUpdateProcessInstancesSuspendStateCmd.class,
            AbstractDeleteProcessInstanceCmd.class, DeleteProcessInstanceBatchCmd.class,
            DeleteHistoricProcessInstancesBatchCmd.class,
            AbstractCorrelateMessageCmd.class, CorrelateAllMessageCmd.class, CorrelateAllMessageBatchCmd.class,
            SignalEventReceivedCmd.class, SignalCmd.class, EvaluateStartConditionCmd.class,
            ResolveIncidentCmd.class, ResolveTaskCmd.class,
            AbstractSetStateCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class, ExecuteJobsCmd.class,
            SetJobPriorityCmd.class, DeleteJobCmd.class, SetProcessDefinitionVersionCmd.class,
            DeleteHistoricProcessInstancesCmd.class, DeleteTaskCmd.class, DeleteUserOperationLogEntryCmd.class);

    private final ProcessEngineConfigurationImpl engine;
    private final SubmittedForms forms;

    GuardedCommands(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
        this.forms = new SubmittedForms(engine);
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() == null) {
            CallerIdentity caller = CallerIdentity.of(engine);
            if (caller != null) {
                judge(command, caller);
            }
        }
        return next.execute(command);
    }

    private void judge(Command<?> command, CallerIdentity caller) {
        if (!caller.administrator()) {
            refuseAdministratorsOnly(command, caller);
            if (command instanceof UserOperationLogQueryImpl query) {
                keepToOwnEntries(query, caller);
            }
        }
        if (command instanceof CompleteTaskCmd complete) {
            forms.checkTaskCompletion(field(complete, "taskId"), field(complete, "variables"));
        } else if (command instanceof SubmitTaskFormCmd submit) {
            forms.checkTaskCompletion(field(submit, "taskId"), field(submit, "properties"));
        } else if (command instanceof StartProcessInstanceCmd start) {
            ProcessInstantiationBuilderImpl builder = field(start, "instantiationBuilder");
            forms.checkStart(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(), builder.getVariables());
        } else if (command instanceof SubmitStartFormCmd submit) {
            forms.checkStart(field(submit, "processDefinitionId"), null, field(submit, "variables"));
        }
    }

    private static void refuseAdministratorsOnly(Command<?> command, CallerIdentity caller) {
        for (Class<?> kind : ADMINISTRATORS_ONLY) {
            if (kind.isInstance(command)) {
                throw new AdministratorsOnlyException(caller.userId(), describe(command));
            }
        }
    }

    private static void keepToOwnEntries(UserOperationLogQueryImpl query, CallerIdentity caller) {
        String asked = field(query, "userId");
        if (asked != null && !asked.equals(caller.userId())) {
            throw new AdministratorsOnlyException(caller.userId(), "read the operations of " + asked);
        }
        query.userId(caller.userId());
    }

    private static String describe(Command<?> command) {
        String name = command.getClass().getSimpleName().replaceAll("Cmd$", "");
        return switch (name) {
            case "StartProcessInstanceAtActivities" -> "start a process at chosen activities (or skip its listeners)";
            case "ModifyProcessInstance", "ModifyProcessInstanceAsync", "ProcessInstanceModification",
                 "ProcessInstanceModificationBatch" -> "modify a running process instance";
            case "SetExecutionVariables", "SetTaskVariables", "PatchExecutionVariables",
                 "PatchTaskVariables", "RemoveExecutionVariables", "RemoveTaskVariables",
                 "SetVariablesToProcessInstancesBatch" -> "write or remove process variables outside a task's form";
            case "ExecuteJobs" -> "run a job before it is due";
            case "SetJobDuedate", "RecalculateJobDuedate" -> "move a timer";
            default -> "run " + name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        };
    }

    /** The engine's commands keep what they were asked in protected fields; reading them is the only way in. */
    @SuppressWarnings("unchecked")
    private static <V> V field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (V) field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name
                + "; the engine changed, and the runbook's command gate must follow it");
    }

}
