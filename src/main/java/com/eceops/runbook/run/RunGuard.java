package com.eceops.runbook.run;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.estate.InvalidEstateException;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.estate.UnknownEstateException;

/**
 * Stands at the start of every top-level process, however it is started (Tasklist, REST, command line):
 * the estate must exist and be valid, the mode must be known, and a live run must be confirmed. A refusal
 * throws before the first transaction commits, so nothing of the run is kept. Called sections inherit
 * the run of their caller and are not checked again. A built-in listener ({@code RunGuardPlugin}): a start that
 * asks to skip listeners still passes here. It records the run's key ({@code runKey}), which the steps read.
 */
@Component
public class RunGuard implements ExecutionListener {

    private final EstateRepository estates;
    private final WaitSettings waits;
    private final RunRegister register;
    private final KnownScenarios scenarios;

    public RunGuard(EstateRepository estates, WaitSettings waits, RunRegister register, KnownScenarios scenarios) {
        this.estates = estates;
        this.waits = waits;
        this.register = register;
        this.scenarios = scenarios;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getSuperExecution() != null) {
            return;
        }
        String estateName = RunVariables.ESTATE.from(execution).orElse(null);
        if (estateName == null || estateName.isBlank()) {
            throw new RunRefusedException("a run needs an estate: the name of an inventory in the estates folder");
        }
        RunMode mode = RunMode.parse(RunVariables.RUN_MODE.from(execution).orElse(null));
        Estate estate = loadValid(estateName.trim());
        Object confirmation = RunVariables.CONFIRM_ESTATE_NAME.from(execution).orElse(null);
        RunVariables.CONFIRM_ESTATE_NAME.remove(execution);
        refuseUnlessAvailable(mode, estate, confirmation);
        String scenario = RunVariables.LAB_SCENARIO.from(execution).orElse("");
        if (!scenario.isBlank()) {
            scenarios.problemWith(scenario).ifPresent(problem -> {
                throw new RunRefusedException("labScenario: " + problem);
            });
        }

        RunKey runKey = runKey(execution, estate, mode);
        register.record(runKey, StartedBy.of(execution), execution.getProcessInstanceId(), estate);
        String key = runKey.toString();
        execution.setProcessBusinessKey(key);
        RunVariables.RUN_KEY.set(execution, key);
        RunVariables.ESTATE.set(execution, estate.name());
        RunVariables.RUN_MODE.set(execution, mode.id());
        RunVariables.POLL_INTERVAL.set(execution, waits.pollInterval(mode).toString());
        RunVariables.MAX_POLLS.set(execution, waits.maxPolls());
        RunVariables.COLLOCATED_SERVERS.set(execution, names(estate.collocatedServers()));
        RunVariables.WEB_SERVERS.set(execution, names(estate.webServers()));
    }

    private Estate loadValid(String name) {
        try {
            return estates.load(name);
        } catch (UnknownEstateException e) {
            throw new RunRefusedException(e.getMessage());
        } catch (InvalidEstateException e) {
            throw new RunRefusedException("nothing was started, because " + e.getMessage());
        }
    }

    private static void refuseUnlessAvailable(RunMode mode, Estate estate, Object confirmation) {
        if (mode == RunMode.LIVE) {
            if (!estate.live()) {
                throw new RunRefusedException("estate '" + estate.name() + "' is not marked live in its inventory"
                        + " (live: true); a live run acts on real servers and is refused");
            }
            if (confirmation == null || !estate.name().equals(confirmation.toString().trim())) {
                throw new RunRefusedException("a live run must be confirmed by typing the estate's name '"
                        + estate.name() + "' in confirmEstateName");
            }
        }
    }

    private RunKey runKey(DelegateExecution execution, Estate estate, RunMode mode) {
        String given = execution.getProcessBusinessKey();
        if (given != null && !given.isBlank()) {
            RunKey key;
            try {
                key = RunKey.parse(given);
            } catch (IllegalArgumentException e) {
                throw new RunRefusedException("business key " + e.getMessage() + "; leave it empty to get one");
            }
            if (!key.estate().equals(estate.name()) || key.mode() != mode) {
                throw new RunRefusedException("business key '" + given + "' does not match estate '"
                        + estate.name() + "' in " + mode.id() + " mode");
            }
            // A live key names one change of the real estate: never again. A rehearsal's key names its lab: a new
            // run under it continues that lab once the run before has ended (its lab lock says while it has not).
            if (mode == RunMode.LIVE && (register.used(key) || execution.getProcessEngineServices().getHistoryService()
                    .createHistoricProcessInstanceQuery().processInstanceBusinessKey(given).count() > 0)) {
                throw new RunRefusedException("business key '" + given + "' belongs to another run; leave it empty to get one");
            }
            return key;
        }
        return register.newKey(estate.name(), mode);
    }

    private static List<String> names(List<Server> servers) {
        return new java.util.ArrayList<>(servers.stream().map(Server::name).toList());
    }
}
