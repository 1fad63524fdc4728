package com.eceops.runbook.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Checks what a person submits against the form deployed for the task or the process start, on the server,
 * whatever the client. A task's form is the one Tasklist shows; a process whose start event names no form of
 * its own is started with the run's fields (estate, mode, confirmation, scenario), which the run guard reads.
 */
final class SubmittedForms {

    private static final DeployedForm RUN_START = DeployedForm.of("Start a run", runFields());

    private final ProcessEngineConfigurationImpl engine;
    private final Map<String, DeployedForm> parsed = new ConcurrentHashMap<>();

    SubmittedForms(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    void checkTaskCompletion(String taskId, Map<String, Object> variables) {
        DeployedForm form = read(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return null;
            }
            if (task.getTaskDefinition() == null || task.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
                return DeployedForm.of("task '" + task.getName() + "' (no form)", Map.of());
            }
            return parse(new GetDeployedTaskFormCmd(taskId).execute(context));
        });
        if (form != null) {
            check(form, variables);
        }
    }

    void checkStart(String definitionId, String definitionKey, Map<String, Object> variables) {
        DeployedForm form = read(context -> {
            var cache = context.getProcessEngineConfiguration().getDeploymentCache();
            ProcessDefinitionEntity definition = definitionId != null
                    ? cache.findDeployedProcessDefinitionById(definitionId)
                    : cache.findDeployedLatestProcessDefinitionByKey(definitionKey);
            var startForm = definition.getStartFormDefinition();
            boolean ownForm = startForm != null && startForm.getCamundaFormDefinitionKey() != null;
            return ownForm ? parse(new GetDeployedStartFormCmd(definition.getId()).execute(context)) : RUN_START;
        });
        check(form, variables);
    }

    private void check(DeployedForm form, Map<String, Object> variables) {
        Map<String, Object> values = variables == null ? Map.of() : variables;
        List<String> problems = form.problemsWith(values);
        if (!problems.isEmpty()) {
            boolean tooLarge = values.values().stream().anyMatch(DeployedForm::tooLarge);
            throw new InvalidSubmissionException(form.name(), problems, tooLarge ? 413 : 400);
        }
    }

    private DeployedForm read(Command<DeployedForm> lookup) {
        return engine.getCommandExecutorTxRequired().execute(context -> {
            // The caller's right to the task is the engine's own check when the completion runs; reading the
            // form to check it against is the runbook's, so it is read whoever asks.
            context.disableAuthorizationCheck();
            try {
                return lookup.execute(context);
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }

    /** Parsed once per distinct form text: a form is read on every completion, parsed only when it is new. */
    private DeployedForm parse(InputStream json) {
        try (InputStream in = json) {
            String content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return parsed.computeIfAbsent(content, text -> {
                try {
                    return DeployedForm.parse(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new ProcessEngineException("the deployed form could not be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, DeployedForm.Field> runFields() {
        Map<String, DeployedForm.Field> fields = new LinkedHashMap<>();
        fields.put("estate", new DeployedForm.Field("estate", "Estate", "textfield", true, null, null, 200, null, null, null));
        fields.put("runMode", new DeployedForm.Field("runMode", "Run mode", "radio", true, null, null, null, null, null,
                List.of("rehearsal", "plan", "live")));
        fields.put("confirmEstateName", DeployedForm.Field.text("confirmEstateName", "Estate name typed again"));
        fields.put("labScenario", DeployedForm.Field.text("labScenario", "Lab scenario"));
        return fields;
    }
}
