package com.eceops.runbook.lab;

import com.eceops.runbook.procedure.availabilitygroup.AvailabilityGroupPlan;
import com.eceops.runbook.procedure.availabilitygroup.AvailabilityGroupVariables;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;



/**
 * In a rehearsal, applies to the lab what the DBA does by hand: a DBA who says failover was tested both ways
 * has failed the group over and back from the dashboard. On a live run it does nothing; a plan run walks a lab of
 * its own, so it acts there too.
 */
@Component("rehearseAvailabilityGroupPersonsAction")
class RehearseAvailabilityGroupPersonsAction extends PersonsWorkListener {

    RehearseAvailabilityGroupPersonsAction(RunLabs runs) {
        super(runs, RehearseAvailabilityGroupPersonsAction::perform);
    }

    /** The person's work on {@code lab}, with the task's variables ({@link PersonsWork}). */
    static void perform(RehearsalLab lab, String taskKey, VariableScope task) {
        if ("Task_ConfirmFailoverTested".equals(taskKey)
                && "dba".equals(AvailabilityGroupVariables.FAILOVER_TESTED_BY.from(task).orElse(null))) {
            lab.haPersons().testFailoverBothWays(AvailabilityGroupPlan.of(lab.estate()).name());
        }
    }
}
