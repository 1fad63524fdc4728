package com.eceops.runbook.lab;

import com.eceops.runbook.procedure.dfs.DfsPlan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;



/**
 * In a rehearsal, applies to the lab what the operator does by hand in pre-4: empty the shared directories,
 * unblock a stuck replication. On a live run it does nothing; a plan run walks a lab of its own, so it acts there
 * too.
 */
@Component("rehearseDfsPersonsAction")
class RehearseDfsPersonsAction implements TaskListener {

    private final RunLabs runs;

    RehearseDfsPersonsAction(RunLabs runs) {
        this.runs = runs;
    }

    @Override
    public void notify(DelegateTask task) {
        runs.labOf(task, task.getExecution().getProcessBusinessKey()).ifPresent(lab -> perform(lab, task.getTaskDefinitionKey(), task));
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
