package com.eceops.runbook.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.cluster.ClusterOperations;
import com.eceops.runbook.dfs.DfsOperations;
import com.eceops.runbook.ece.EceOperations;
import com.eceops.runbook.windows.WindowsOperations;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.reportsdb.ReportsDbUtilityOperations;

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
    private final RealOperations real;
    private final RunPlans plans;
    private final Map<String, Estate> estateOfRun = new ConcurrentHashMap<>();

    RunOperations(EstateRepository estates, RehearsalLabs labs, LabScenarios scenarios, RealOperations real,
                  RunPlans plans) {
        this.estates = estates;
        this.labs = labs;
        this.scenarios = scenarios;
        this.real = real;
        this.plans = plans;
    }

    public RunContext of(DelegateExecution execution) {
        RunKey key = recordedKey(execution);
        Object modeVariable = execution.getVariable(RunVariables.RUN_MODE);
        if (modeVariable != null && RunMode.parse(modeVariable) != key.mode()) {
            throw new OperationFailedException("-", "find the run's operations", "run " + key
                    + " was started in " + key.mode().id() + " mode; its runMode variable now says " + modeVariable);
        }
        Estate estate = estateOfRun.computeIfAbsent(key.toString(), k -> estates.load(key.estate()));
        return switch (key.mode()) {
            case LIVE -> new RunContext(key, estate, real.liveWindows(key, estate), real.liveSql(estate),
                    real.liveActiveDirectory(key, estate), real.liveDfs(key, estate),
                    real.liveCluster(key, estate), real.liveEce(key, estate),
                    real.liveWeb(), real.liveReportsDb(key, estate));
            case PLAN -> {
                // A plan run walks the procedure on the lab and records what the real servers would be sent.
                RehearsalLab lab = labs.open(key.toString(), estate, LabScenario.defaults().withDurationScale(0));
                var recording = real.recordingWindows(estate, plans.recorderOf(key));
                RunContext onLab = onLab(key, estate, lab,
                        PlannedWindowsOperations.of(lab.windows(), recording, () -> plans.write(key, estate)),
                        new PlannedReportsDbUtility(lab.reportsDb(), real.recordingReportsDb(estate, plans.recorderOf(key)),
                                () -> plans.write(key, estate)),
                        PlannedChanges.of(ClusterOperations.class, lab.cluster(),
                                real.recordingCluster(estate, plans.recorderOf(key)), () -> plans.write(key, estate)),
                        PlannedChanges.of(EceOperations.class, lab.ece(),
                                real.recordingEce(estate, plans.recorderOf(key)), () -> plans.write(key, estate)));
                yield withDirectory(onLab,
                        new PlannedActiveDirectoryOperations(lab.activeDirectory(),
                                real.recordingActiveDirectory(estate, plans.recorderOf(key)), () -> plans.write(key, estate)),
                        new PlannedDfsOperations(lab.dfs(), real.recordingDfs(estate, plans.recorderOf(key)),
                                () -> plans.write(key, estate)));
            }
            case REHEARSAL -> {
                RehearsalLab lab = labs.open(key.toString(), estate,
                        scenarios.forRun(execution.getVariable(RunVariables.LAB_SCENARIO)));
                yield onLab(key, estate, lab, lab.windows(), lab.reportsDb(), lab.cluster(), lab.ece());
            }
        };
    }

    private static RunContext onLab(RunKey key, Estate estate, RehearsalLab lab, WindowsOperations windows,
                                    ReportsDbUtilityOperations reportsDb, ClusterOperations cluster, EceOperations ece) {
        return new RunContext(key, estate, windows, lab.sql(), lab.activeDirectory(), lab.dfs(), cluster, ece,
                lab.web(), reportsDb);
    }

    /** The same context with the plan's recording Active Directory and DFS operations. */
    private static RunContext withDirectory(RunContext run, ActiveDirectoryOperations activeDirectory, DfsOperations dfs) {
        return new RunContext(run.key(), run.estate(), run.windows(), run.sql(), activeDirectory, dfs, run.cluster(),
                run.ece(), run.web(), run.reportsDb());
    }

    /** The rehearsal lab of a run, when the run is a rehearsal. */
    public Optional<RehearsalLab> labOf(VariableScope scope, String businessKey) {
        RunKey key = keyOf(businessKey);
        if (key.mode() == RunMode.LIVE) {
            return Optional.empty();
        }
        Estate estate = estateOfRun.computeIfAbsent(key.toString(), k -> estates.load(key.estate()));
        return Optional.of(labs.open(key.toString(), estate, scenarios.forRun(scope.getVariable(RunVariables.LAB_SCENARIO))));
    }

    /**
     * The run's key as its guard recorded it at the start; the business key must still say the same. A called
     * section that was not handed the record carries its caller's business key, which the engine copied.
     */
    private static RunKey recordedKey(DelegateExecution execution) {
        Object recorded = execution.getVariable(RunVariables.RUN_KEY);
        String businessKey = execution.getProcessBusinessKey();
        if (recorded == null) {
            return keyOf(businessKey);
        }
        if (!recorded.toString().equals(businessKey)) {
            throw new OperationFailedException("-", "find the run's operations", "the run's business key '"
                    + businessKey + "' is not the key its guard recorded at the start, '" + recorded + "'");
        }
        return keyOf(recorded.toString());
    }

    private static RunKey keyOf(String businessKey) {
        try {
            return RunKey.parse(businessKey);
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException("-", "find the run's operations", e.getMessage());
        }
    }
}
