package com.eceops.runbook.lab;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;


import com.eceops.runbook.run.RunVariables;

/**
 * In a rehearsal, what the operator does when completing "Remove the Deny entries": every explicit Deny entry
 * of the server's SSIS directory goes. The process then checks again. On a live run it does nothing; a plan run
 * walks a lab of its own, so it acts there too.
 */
@Component("rehearseDenyEntryRemovalAction")
class RehearseDenyEntryRemovalAction extends PersonsWorkListener {

    RehearseDenyEntryRemovalAction(RunLabs runs) {
        super(runs, RehearseDenyEntryRemovalAction::perform);
    }

    /** The person's work on {@code lab}, with the task's variables ({@link PersonsWork}). */
    static void perform(RehearsalLab lab, String taskKey, VariableScope task) {
        lab.handwork().removeDenyEntries(RunVariables.HOST.in(task), lab.estate().paths().ssisDirectory());
    }
}
