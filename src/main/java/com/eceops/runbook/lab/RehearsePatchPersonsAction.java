package com.eceops.runbook.lab;

import com.eceops.runbook.procedure.patch.KeyFileMerge;
import com.eceops.runbook.procedure.patch.PatchVariables;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.procedure.postinstall.WebServerConfigText;

import com.eceops.runbook.run.RunVariables;
import com.eceops.runbook.run.Var;

/**
 * In a rehearsal, applies to the lab what the person of a patch task says they did (the form's confirmation
 * ticked): stop or start the email processes, install or uninstall the patch by its readme, merge the key files.
 * By the time a change manager approves a patch, its archive is where the registration says, as the requester put it
 * there: the lab holds it from then on, with the registered checksum (staging copies and verifies it next).
 * An unticked confirmation applies nothing, and the machine's check after the task sends it back. Outside a
 * rehearsal it does nothing.
 */
@Component("rehearsePatchPersonsAction")
class RehearsePatchPersonsAction extends PersonsWorkListener {

    RehearsePatchPersonsAction(RunLabs runs) {
        super(runs, RehearsePatchPersonsAction::perform);
    }

    /** The person's work on {@code lab}, with the task's variables ({@link PersonsWork}). */
    static void perform(RehearsalLab lab, String taskKey, VariableScope task) {
        switch (taskKey) {
            case "Task_ApprovePatchWindow" -> {
                if ("approve".equals(PatchVariables.DECISION.from(task).orElse(null))) {
                    lab.handwork().providePatchFile(PatchVariables.PATCH_FILE.in(task), PatchVariables.PATCH_CHECKSUM.in(task),
                            PatchVariables.PATCH_LEVEL.in(task));
                }
            }
            case "Task_StopEmailProcesses" -> when(task, PatchVariables.EMAIL_PROCESSES_STOPPED_BY_OPERATOR,
                    () -> lab.handwork().stopEmailProcesses());
            case "Task_StartEmailProcesses" -> when(task,
                    PatchVariables.EMAIL_PROCESSES_STARTED_BY_OPERATOR, () -> lab.handwork().startEmailProcesses());
            case "Task_InstallPatchByHand" -> when(task, PatchVariables.PATCH_INSTALLED_BY_OPERATOR,
                    () -> lab.handwork().installEcePatch(RunVariables.HOST.in(task), PatchVariables.PATCH_LEVEL.in(task)));
            case "Task_UninstallPatchByHand" -> when(task, PatchVariables.PATCH_UNINSTALLED_BY_OPERATOR,
                    () -> lab.handwork().uninstallEcePatch(RunVariables.HOST.in(task)));
            case "Task_MergeKeyFiles" -> when(task, PatchVariables.KEY_FILES_MERGED_BY_OPERATOR,
                    () -> merge(lab, RunVariables.HOST.in(task)));
            default -> {
            }
        }
    }

    /** The operator's merge: the post-10 settings put into the patched files, the patch's own lines kept. */
    private static void merge(RehearsalLab lab, String host) {
        String fqdn = lab.estate().ece().fqdn();
        String js = lab.ece().readConfigFile(host, EceConfigFile.ECE_CONFIG_JS);
        js = WebServerConfigText.withJsVar(WebServerConfigText.withJsVar(js, KeyFileMerge.PROTOCOL_VAR, "https"),
                KeyFileMerge.NAME_VAR, fqdn);
        lab.ece().writeConfigFile(host, EceConfigFile.ECE_CONFIG_JS, js);
        String xml = WebServerConfigText.withGadgetHost(lab.ece().readConfigFile(host, EceConfigFile.AGENT_XML),
                lab.estate().ece().siteAuthority());
        lab.ece().writeConfigFile(host, EceConfigFile.AGENT_XML, xml);
    }

    private static void when(VariableScope task, Var<Boolean> confirmation, Runnable work) {
        if (confirmation.orElse(task, false)) {
            work.run();
        }
    }
}
