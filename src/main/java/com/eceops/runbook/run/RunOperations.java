package com.eceops.runbook.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;
import com.eceops.runbook.operations.OperationFailedException;

/**
 * Finds the operations of a run from its business key. The key fixes the mode for the run's whole life: a
 * {@code runMode} variable changed later cannot turn a rehearsal into a live run. The estate is read once per
 * run and kept, so an inventory edited during a run does not change the run under its feet.
 */
@Component
public class RunOperations {

    private final EstateRepository estates;
    private final RehearsalLabs labs;
    private final LabScenarios scenarios;
    private final Map<String, Estate> estateOfRun = new ConcurrentHashMap<>();

    RunOperations(EstateRepository estates, RehearsalLabs labs, LabScenarios scenarios) {
        this.estates = estates;
        this.labs = labs;
        this.scenarios = scenarios;
    }

    public RunContext of(DelegateExecution execution) {
        RunKey key = keyOf(execution.getProcessBusinessKey());
        Object modeVariable = execution.getVariable(RunVariables.RUN_MODE);
        if (modeVariable != null && RunMode.parse(modeVariable) != key.mode()) {
            throw new OperationFailedException("-", "find the run's operations", "run " + key
                    + " was started in " + key.mode().id() + " mode; its runMode variable now says " + modeVariable);
        }
        Estate estate = estateOfRun.computeIfAbsent(key.toString(), k -> estates.load(key.estate()));
        if (key.mode() != RunMode.REHEARSAL) {
            throw new OperationFailedException("-", "find the run's operations",
                    key.mode().id() + " operations are not available in this version");
        }
        RehearsalLab lab = labs.open(key.toString(), estate, scenarios.forRun(execution.getVariable(RunVariables.LAB_SCENARIO)));
        return new RunContext(key, estate, lab.windows(), lab.sql(), lab.dfs(), lab.cluster());
    }

    /** The rehearsal lab of a run, when the run is a rehearsal. */
    public Optional<RehearsalLab> labOf(VariableScope scope, String businessKey) {
        RunKey key = keyOf(businessKey);
        if (key.mode() != RunMode.REHEARSAL) {
            return Optional.empty();
        }
        Estate estate = estateOfRun.computeIfAbsent(key.toString(), k -> estates.load(key.estate()));
        return Optional.of(labs.open(key.toString(), estate, scenarios.forRun(scope.getVariable(RunVariables.LAB_SCENARIO))));
    }

    private static RunKey keyOf(String businessKey) {
        try {
            return RunKey.parse(businessKey);
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException("-", "find the run's operations", e.getMessage());
        }
    }
}
