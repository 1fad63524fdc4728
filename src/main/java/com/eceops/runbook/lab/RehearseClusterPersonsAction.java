package com.eceops.runbook.lab;

import com.eceops.runbook.procedure.cluster.ClusterPlan;
import com.eceops.runbook.procedure.cluster.ClusterVariables;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;



/**
 * In a rehearsal, applies to the lab what the people of pre-5 do by hand when they complete their task: install
 * what validation found missing, provision the quorum share they entered. On a live run it does nothing; a plan
 * run walks a lab of its own, so it acts there too.
 */
@Component("rehearseClusterPersonsAction")
class RehearseClusterPersonsAction extends PersonsWorkListener {

    RehearseClusterPersonsAction(RunLabs runs) {
        super(runs, RehearseClusterPersonsAction::perform);
    }

    /** The person's work on {@code lab}, with the task's variables ({@link PersonsWork}). */
    static void perform(RehearsalLab lab, String taskKey, VariableScope task) {
        ClusterPlan plan = ClusterPlan.of(lab.estate());
        switch (taskKey) {
            case "Task_ResolveValidationFailures" -> lab.haPersons().installMissingClusterFeature(plan.nodes());
            case "Task_ProvisionWitnessShare" -> {
                lab.haPersons().provisionWitnessShare(ClusterVariables.WITNESS_SHARE_PATH.from(task).map(String::trim).orElse(null),
                        plan.account());
            }
            default -> {
            }
        }
    }
}
