package com.eceops.runbook.lab;

import com.eceops.runbook.procedure.eceinstall.EceVariables;
import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.SetupRun;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.lab.RehearsalLab;

import com.eceops.runbook.run.RunVariables;

/**
 * In a rehearsal, applies to the lab the setup run the operator says was finished ({@code setupFinished}), with
 * the values the form shows. An operator who completes the task without ticking it has run nothing, and the
 * check after the task sends it back. On a live run it does nothing; a plan run walks a lab of its own, so it
 * acts there too.
 */
@Component("rehearseSetupRunAction")
class RehearseSetupRunAction extends PersonsWorkListener {

    RehearseSetupRunAction(RunLabs runs) {
        super(runs, RehearseSetupRunAction::perform);
    }

    /** The person's work on {@code lab}, with the task's variables ({@link PersonsWork}). */
    static void perform(RehearsalLab lab, String taskKey, VariableScope task) {
        if (!EceVariables.SETUP_FINISHED.orElse(task, false)) {
            return;
        }
        String host = RunVariables.HOST.in(task);
        lab.ece().recordSetupRun(host, runFor(taskKey, lab, host));
    }

    private static SetupRun runFor(String taskKey, RehearsalLab lab, String host) {
        Estate estate = lab.estate();
        Map<String, String> settings = new HashMap<>();
        settings.put(SetupRun.DFS_PATH, estate.dfs().path());
        settings.put(SetupRun.CONTEXT_ROOT, estate.ece().contextRoot());
        settings.put(SetupRun.PARTITION, estate.ece().partition());
        Server server = estate.server(host).orElseThrow();
        return switch (taskKey) {
            case "Task_RunSetupFileAndDatabaseServer" -> {
                settings.put(SetupRun.AUTHENTICATION, "integrated");
                settings.put(SetupRun.DATABASE_SERVER, estate.fqdn(estate.availabilityGroup().listenerName()));
                settings.put(SetupRun.DATABASE_PORT, String.valueOf(estate.availabilityGroup().listenerPort()));
                yield new SetupRun(EnumSet.of(EceComponent.FILE_SERVER, EceComponent.DATABASE_SERVER), settings);
            }
            case "Task_RunSetupWebServer" -> {
                settings.put(SetupRun.ECE_HOME, server.eceHome() != null ? server.eceHome() : estate.paths().webEceHome());
                settings.put(SetupRun.APPLICATION_SERVER, estate.fqdn(server.applicationServer()));
                yield new SetupRun(EnumSet.of(EceComponent.WEB_SERVER), settings);
            }
            default -> {
                settings.put(SetupRun.ECE_HOME, server.eceHome() != null ? server.eceHome() : estate.paths().eceHome());
                yield new SetupRun(EnumSet.of(EceComponent.MESSAGING_SERVER, EceComponent.APPLICATION_SERVER,
                        EceComponent.SERVICES_SERVER), settings);
            }
        };
    }
}
