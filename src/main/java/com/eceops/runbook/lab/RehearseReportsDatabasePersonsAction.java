package com.eceops.runbook.lab;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.eceops.runbook.procedure.eceinstall.EceVariables;



/**
 * In a rehearsal, applies to the lab what the DBA does by hand for post-7: failing the availability group back from
 * the dashboard, so that the replica that was primary at install time is primary again. On a live run it does
 * nothing (a plan run walks a lab of its own, so it acts there too); the process checks the roles again either way.
 */
@Component("rehearseReportsDatabasePersonsAction")
class RehearseReportsDatabasePersonsAction extends PersonsWorkListener {

    RehearseReportsDatabasePersonsAction(RunLabs runs) {
        super(runs, RehearseReportsDatabasePersonsAction::perform);
    }

    /** The person's work on {@code lab}, with the task's variables ({@link PersonsWork}). */
    static void perform(RehearsalLab lab, String taskKey, VariableScope task) {
        String primary = EceVariables.PRIMARY_REPLICA.from(task).orElse(null);
        if (!"Task_FailBackAvailabilityGroup".equals(taskKey) || primary == null) {
            return;
        }
        String group = lab.estate().availabilityGroup().name();
        String host = lab.estate().sideA().collocated().name();
        if (!primary.toString().equalsIgnoreCase(lab.sql().readAvailabilityGroup(host, group).primary())) {
            lab.sql().failover(primary.toString(), group);
        }
    }
}
