package com.eceops.runbook.lab;

import com.eceops.runbook.procedure.activedirectory.ActiveDirectoryItems;
import com.eceops.runbook.procedure.activedirectory.ActiveDirectoryVariables;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.operations.OperationFailedException;


/**
 * In a rehearsal, what the domain administrators do when they complete their task: resolve the duplicate SPNs
 * the task names ({@code setspn -D}), then work through the checklist, registering SPNs with the document's
 * {@code setspn -A}. An item that fails for them (an injected fault) is left undone, as a person would go on;
 * the process then verifies every item. On a live run it does nothing; a plan run walks a lab of its own, so it
 * acts there too.
 */
@Component("rehearseDomainAdminsAction")
class RehearseDomainAdminsAction extends PersonsWorkListener {

    RehearseDomainAdminsAction(RunLabs runs) {
        super(runs, RehearseDomainAdminsAction::perform);
    }

    /** The person's work on {@code lab}, with the task's variables ({@link PersonsWork}). */
    static void perform(RehearsalLab lab, String taskKey, VariableScope task) {
        String sqlAccount = lab.estate().accounts().sqlService().name();
        String shown = ActiveDirectoryVariables.SPN_CONFLICTS.orElse(task, "") + " "
                + ActiveDirectoryVariables.MISSING.orElse(task, "");
        if (shown.contains("Existing SPN found")) {
            removeDuplicates(lab, sqlAccount);
            ActiveDirectoryVariables.SPN_CONFLICTS.set(task, "");
        }
        for (ActiveDirectoryItems.Item item : ActiveDirectoryItems.of(lab.estate()).all()) {
            if (item.missing().apply(lab.activeDirectory()).isEmpty()) {
                continue;
            }
            try {
                if (item.spn() != null) {
                    lab.handwork().addServicePrincipalName(sqlAccount, item.spn());
                } else {
                    item.apply().apply(lab.activeDirectory());
                }
            } catch (OperationFailedException leftUndone) {
                // The verification that follows reports the item.
            }
        }
    }

    private static void removeDuplicates(RehearsalLab lab, String sqlAccount) {
        for (String spn : ActiveDirectoryItems.listenerSpns(lab.estate())) {
            lab.activeDirectory().findServicePrincipalName(spn).stream()
                    .filter(holder -> !holder.equalsIgnoreCase(sqlAccount))
                    .forEach(holder -> lab.handwork().removeServicePrincipalName(holder, spn));
        }
    }
}
