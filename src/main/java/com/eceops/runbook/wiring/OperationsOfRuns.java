package com.eceops.runbook.wiring;


import com.eceops.runbook.plan.RunPlans;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.technology.cluster.ClusterOperations;
import com.eceops.runbook.technology.dfs.DfsOperations;
import com.eceops.runbook.technology.ece.EceOperations;
import com.eceops.runbook.technology.windows.WindowsOperations;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;
import com.eceops.runbook.lab.RunLabs;
import com.eceops.runbook.technology.sql.SqlServerOperations;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunKey;
import com.eceops.runbook.run.RunMode;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunRegister;
import com.eceops.runbook.run.RunVariables;
import com.eceops.runbook.technology.reportsdb.ReportsDbUtilityOperations;

/**
 * The composition root of a run: finds its operations from its business key, the lab for rehearsal and plan runs,
 * the real implementations for live runs. The key fixes the mode for the run's whole life: a
 * {@code runMode} variable changed later cannot turn a rehearsal into a live run. The estate is read once per
 * run and kept, so an inventory edited during a run does not change the run under its feet.
 */
@Component
public class OperationsOfRuns implements RunOperations, RunLabs {

    private final EstateRepository estates;
    private final RehearsalLabs labs;
    private final LabScenarios scenarios;
    private final RealOperations real;
    private final RunPlans plans;
    private final RunRegister register;
    private final Map<String, Estate> estateOfRun = new ConcurrentHashMap<>();

    OperationsOfRuns(EstateRepository estates, RehearsalLabs labs, LabScenarios scenarios, RealOperations real,
                  RunPlans plans, RunRegister register) {
        this.register = register;
        this.estates = estates;
        this.labs = labs;
        this.scenarios = scenarios;
        this.real = real;
        this.plans = plans;
    }

    @Override
    public RunContext of(DelegateExecution execution) {
        RunKey key = recordedKey(execution);
        String modeVariable = RunVariables.RUN_MODE.from(execution).orElse(null);
        if (modeVariable != null && RunMode.parse(modeVariable) != key.mode()) {
            throw new OperationFailedException("-", "find the run's operations", "run " + key
                    + " was started in " + key.mode().id() + " mode; its runMode variable now says " + modeVariable);
        }
        Estate estate = estateOf(key);
        return switch (key.mode()) {
            case LIVE -> real.live(key, estate);
            case PLAN -> {
                // A plan run walks the procedure on the lab and records what the real servers would be sent.
                RehearsalLab lab = labs.open(key.toString(), estate, LabScenario.defaults().withDurationScale(0));
                RunContext recording = real.recording(key, estate, plans.scriptsOf(key), plans.statementsOf(key));
                Runnable write = () -> plans.write(key);
                yield new RunContext(key, estate,
                        Planned.of(WindowsOperations.class, lab.windows(), recording.windows(), write),
                        Planned.of(SqlServerOperations.class, lab.sql(), recording.sql(), write),
                        Planned.of(ActiveDirectoryOperations.class, lab.activeDirectory(), recording.activeDirectory(), write),
                        Planned.of(DfsOperations.class, lab.dfs(), recording.dfs(), write),
                        Planned.of(ClusterOperations.class, lab.cluster(), recording.cluster(), write),
                        Planned.of(EceOperations.class, lab.ece(), recording.ece(), write),
                        lab.web(),
                        Planned.of(ReportsDbUtilityOperations.class, lab.reportsDb(), recording.reportsDb(), write),
                        labTime(lab));
            }
            case REHEARSAL -> {
                RehearsalLab lab = labs.open(key.toString(), estate,
                        scenarios.forRun(RunVariables.LAB_SCENARIO.from(execution).orElse(null)));
                yield new RunContext(key, estate, lab.windows(), lab.sql(), lab.activeDirectory(), lab.dfs(), lab.cluster(),
                        lab.ece(), lab.web(), lab.reportsDb(), labTime(lab));
            }
        };
    }

    @Override
    public Optional<RehearsalLab> labOf(VariableScope scope, String businessKey) {
        RunKey key = keyOf(businessKey);
        if (key.mode() == RunMode.LIVE) {
            return Optional.empty();
        }
        Estate estate = estateOf(key);
        return Optional.of(labs.open(key.toString(), estate, scenarios.forRun(RunVariables.LAB_SCENARIO.from(scope).orElse(null))));
    }

    /** The lab's virtual time: what its servers' processes and services run by. */
    private static InstantSource labTime(RehearsalLab lab) {
        return () -> lab.clock().now();
    }

    /** Kept per node once read: a run's snapshot never changes. */
    private Estate estateOf(RunKey key) {
        return estateOfRun.computeIfAbsent(key.toString(),
                k -> register.estateOf(key).orElseGet(() -> estates.load(key.estate())));
    }

    /**
     * The run's key as its guard recorded it at the start; the business key must still say the same. A called
     * section that was not handed the record carries its caller's business key, which the engine copied.
     */
    private static RunKey recordedKey(DelegateExecution execution) {
        String recorded = RunVariables.RUN_KEY.from(execution).orElse(null);
        String businessKey = execution.getProcessBusinessKey();
        if (recorded == null) {
            return keyOf(businessKey);
        }
        if (!recorded.equals(businessKey)) {
            throw new OperationFailedException("-", "find the run's operations", "the run's business key '"
                    + businessKey + "' is not the key its guard recorded at the start, '" + recorded + "'");
        }
        return keyOf(recorded);
    }

    private static RunKey keyOf(String businessKey) {
        try {
            return RunKey.parse(businessKey);
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException("-", "find the run's operations", e.getMessage());
        }
    }
}
