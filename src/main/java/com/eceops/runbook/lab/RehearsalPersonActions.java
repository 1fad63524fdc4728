package com.eceops.runbook.lab;

import static java.util.Map.entry;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Which person action a rehearsal applies to the lab when a person completes which user task. The one place
 * that ties rehearsal code to the models: the models carry no rehearsal listener, {@link RehearsalPersonsPlugin}
 * attaches these, and the application does not start while a task named here is missing from its deployed model.
 */
final class RehearsalPersonActions {

    /** Process key → user task id → the action's bean, a task listener run when the task completes. */
    static final Map<String, Map<String, String>> BY_TASK = Map.ofEntries(
            entry("SystemChecks", Map.of(
                    "Task_FixServerBuild", "rehearseServerBuildersAction",
                    "Task_UpgradeSqlServerToEnterprise", "rehearsePersonsAction")),
            entry("AddWindowsFeatures", Map.of(
                    "Task_BringServerBackOnline", "rehearsePersonsAction")),
            entry("ActiveDirectory", Map.of(
                    "Task_PrepareActiveDirectoryByHand", "rehearseDomainAdminsAction")),
            entry("DirectoriesAndShares", Map.of(
                    "Task_RemoveDenyEntries", "rehearseDenyEntryRemovalAction")),
            entry("Dfs", Map.of(
                    "Task_EmptySharedDirectories", "rehearseDfsPersonsAction",
                    "Task_LookIntoReplication", "rehearseDfsPersonsAction")),
            entry("FailoverCluster", Map.of(
                    "Task_ResolveValidationFailures", "rehearseClusterPersonsAction",
                    "Task_ProvisionWitnessShare", "rehearseClusterPersonsAction")),
            entry("AvailabilityGroup", Map.of(
                    "Task_ConfirmFailoverTested", "rehearseAvailabilityGroupPersonsAction")),
            entry("InstallEce", Map.of(
                    "Task_RunSetupFileAndDatabaseServer", "rehearseSetupRunAction",
                    "Task_RunSetupCollocatedSideA", "rehearseSetupRunAction",
                    "Task_RunSetupCollocatedSideB", "rehearseSetupRunAction",
                    "Task_RunSetupWebServer", "rehearseSetupRunAction")),
            entry("ReportsDatabase", Map.of(
                    "Task_FailBackAvailabilityGroup", "rehearseReportsDatabasePersonsAction")),
            entry("FinalNotes", Map.of(
                    "Task_BindEceCertificate", "rehearseFinalNotesAction",
                    "Task_SetPartitionUrl", "rehearseFinalNotesAction",
                    "Task_ImportMailServerCertificates", "rehearseFinalNotesAction",
                    "Task_ImportSsoCertificates", "rehearseFinalNotesAction",
                    "Task_ConfigureLoadBalancer", "rehearseFinalNotesAction",
                    "Task_PrepareEceGadgetForPcce", "rehearseFinalNotesAction")),
            entry("SchedulePatch", Map.of(
                    "Task_ApprovePatchWindow", "rehearsePatchPersonsAction")),
            entry("PatchEce", Map.of(
                    "Task_StopEmailProcesses", "rehearsePatchPersonsAction",
                    "Task_InstallPatchByHand", "rehearsePatchPersonsAction",
                    "Task_MergeKeyFiles", "rehearsePatchPersonsAction")),
            entry("RollBackPatch", Map.of(
                    "Task_UninstallPatchByHand", "rehearsePatchPersonsAction")),
            // Called by PatchEce after the patch and by RollBackPatch after the rollback.
            entry("ValidateEce", Map.of(
                    "Task_StartEmailProcesses", "rehearsePatchPersonsAction")));

    /** Each action's bean name to its work, for a person's work done on a lab outside a rehearsal (a wire lab's persons). */
    static final Map<String, PersonsWork> WORK = Map.ofEntries(
            entry("rehearsePersonsAction", RehearsePersonsAction::perform),
            entry("rehearseServerBuildersAction", RehearseServerBuildersAction::perform),
            entry("rehearseDomainAdminsAction", RehearseDomainAdminsAction::perform),
            entry("rehearseDenyEntryRemovalAction", RehearseDenyEntryRemovalAction::perform),
            entry("rehearseDfsPersonsAction", RehearseDfsPersonsAction::perform),
            entry("rehearseClusterPersonsAction", RehearseClusterPersonsAction::perform),
            entry("rehearseAvailabilityGroupPersonsAction", RehearseAvailabilityGroupPersonsAction::perform),
            entry("rehearseSetupRunAction", RehearseSetupRunAction::perform),
            entry("rehearseReportsDatabasePersonsAction", RehearseReportsDatabasePersonsAction::perform),
            entry("rehearseFinalNotesAction", RehearseFinalNotesAction::perform),
            entry("rehearsePatchPersonsAction", RehearsePatchPersonsAction::perform));

    private RehearsalPersonActions() {
    }

    /**
     * Does to {@code lab} what the person who completed {@code taskKey} of {@code processKey} did on the servers, as a
     * rehearsal does; nothing for a task whose person changes nothing there.
     */
    static void perform(RehearsalLab lab, String processKey, String taskKey, VariableScope task) {
        String bean = BY_TASK.getOrDefault(processKey, Map.of()).get(taskKey);
        if (bean != null) {
            WORK.get(bean).perform(lab, taskKey, task);
        }
    }
}
