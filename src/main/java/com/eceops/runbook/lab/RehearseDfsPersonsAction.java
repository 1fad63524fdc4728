package com.eceops.runbook.lab;

import com.eceops.runbook.procedure.dfs.DfsPlan;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;



/**
 * In a rehearsal, applies to the lab what the operator does by hand in pre-4: empty the shared directories,
 * unblock a stuck replication. On a live run it does nothing; a plan run walks a lab of its own, so it acts there
 * too.
 */
@Component("rehearseDfsPersonsAction")
class RehearseDfsPersonsAction extends PersonsWorkListener {

    RehearseDfsPersonsAction(RunLabs runs) {
        super(runs, RehearseDfsPersonsAction::perform);
    }

    /** The person's work on {@code lab}, with the task's variables ({@link PersonsWork}). */
    static void perform(RehearsalLab lab, String taskKey, VariableScope task) {
        DfsPlan plan = DfsPlan.of(lab.estate());
        switch (taskKey) {
            case "Task_EmptySharedDirectories" -> plan.members()
                    .forEach(m -> lab.haPersons().emptySharedDirectory(m, plan.sharedDirectory()));
            case "Task_LookIntoReplication" -> lab.haPersons().unblockReplication(plan.members());
            default -> {
            }
        }
    }
}
