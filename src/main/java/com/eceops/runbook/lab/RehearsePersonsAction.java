package com.eceops.runbook.lab;


import com.eceops.runbook.run.RunVariables;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * In a rehearsal nobody runs the SQL Server installer or walks to a console. When a person completes a task,
 * this applies to the lab what that person would have done on real servers; the process then checks the
 * result exactly as it would live. On a live run it does nothing; a plan run walks a lab of its own, so it acts
 * there too.
 */
@Component("rehearsePersonsAction")
class RehearsePersonsAction extends PersonsWorkListener {

    RehearsePersonsAction(RunLabs runs) {
        super(runs, RehearsePersonsAction::perform);
    }

    /** The person's work on {@code lab}, with the task's variables ({@link PersonsWork}). */
    static void perform(RehearsalLab lab, String taskKey, VariableScope task) {
        switch (taskKey) {
            case "Task_UpgradeSqlServerToEnterprise" -> lab.estate().collocatedServers()
                    .forEach(server -> lab.persons().upgradeSqlServerToEnterprise(server.name()));
            case "Task_BringServerBackOnline" -> lab.persons()
                    .bringServerBackOnline(RunVariables.HOST.in(task));
            default -> {
            }
        }
    }
}
