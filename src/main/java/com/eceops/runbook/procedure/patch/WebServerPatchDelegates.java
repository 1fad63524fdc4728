package com.eceops.runbook.procedure.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** patch-2.2 and patch-4.1/4.2 on one web server ({@code host}). */
final class WebServerPatchDelegates {

    private WebServerPatchDelegates() {
    }

    /**
     * patch-2.2: a copy of ece_config.js, agent.xml and every chat template, made before the window. A copy that
     * exists is the file as it was before this patch and is never overwritten (a re-run changes nothing).
     */
    @Component("backUpWebServerKeyFilesDelegate")
    static class BackUpWebServerKeyFilesDelegate extends RunbookStep {
        BackUpWebServerKeyFilesDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            WebServerPatchFiles web = WebServerPatchFiles.of(run, PatchRun.of(run.estate(), execution), host(execution));
            List<String> files = new ArrayList<>();
            for (EceConfigFile file : web.keyFiles(run)) {
                files.add(WebServerPatchFiles.keyFile(file));
            }
            files.addAll(web.chatTemplates(run));
            for (String relative : files) {
                String copy = web.backup(relative);
                if (!run.windows().fileExists(web.host(), copy)) {
                    run.windows().ensureDirectory(web.host(), copy.substring(0, copy.lastIndexOf('\\')));
                    run.windows().copyFile(web.host(), web.path(relative), web.host(), copy);
                }
                if (!run.windows().fileExists(web.host(), copy)) {
                    throw new OperationFailedException(web.host(), "back up " + relative, "no " + copy);
                }
            }
        }
    }

    /**
     * patch-4.1 and 4.2, before the operator merges: the diff of each key file against its copy, the lines the
     * patch brought (which the merge must keep), and the chat templates the patch changed.
     */
    @Component("compareKeyFilesDelegate")
    static class CompareKeyFilesDelegate extends RunbookStep {
        CompareKeyFilesDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            WebServerPatchFiles web = WebServerPatchFiles.of(run, PatchRun.of(run.estate(), execution), host(execution));
            StringBuilder diff = new StringBuilder();
            Set<String> patchLines = new java.util.LinkedHashSet<>();
            for (EceConfigFile file : web.keyFilesBackedUp(run)) {
                String relative = WebServerPatchFiles.keyFile(file);
                String backup = run.windows().readFile(web.host(), web.backup(relative)).orElseThrow(() ->
                        new OperationFailedException(web.host(), "compare " + relative, "no copy " + web.backup(relative)
                                + " (patch-2.2)"));
                String patched = run.ece().readConfigFile(web.host(), file);
                diff.append(KeyFileMerge.diff(web.path(relative), backup, patched));
                patchLines.addAll(KeyFileMerge.patchLines(backup, patched));
            }
            PatchVariables.KEY_FILE_DIFF.setLocal(execution, diff.toString());
            PatchVariables.PATCH_ADDED_LINES.setLocal(execution, KeyFileMerge.joined(patchLines));
            List<String> chat = web.changedChatTemplates(run);
            PatchVariables.CHANGED_CHAT_TEMPLATES.setLocal(execution, chat.isEmpty()
                    ? "The patch changed no chat template on " + web.host() + "."
                    : String.join("\n", chat.stream().map(web::path).toList()));
        }
    }

    /** patch-4.1 after the merge: the settings are there and every line the patch brought survived. */
    @Component("verifyKeyFilesMergedDelegate")
    static class VerifyKeyFilesMergedDelegate extends RunbookStep {
        VerifyKeyFilesMergedDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            String host = host(execution);
            List<String> problems = KeyFileMerge.problems(run.ece().readConfigFile(host, EceConfigFile.ECE_CONFIG_JS),
                    run.ece().readConfigFile(host, EceConfigFile.AGENT_XML), spog(run, execution, host),
                    run.estate().ece().fqdn(), run.estate().ece().siteUrl(), KeyFileMerge.split(PatchVariables.PATCH_ADDED_LINES.from(execution).orElse(null)));
            PatchVariables.KEY_FILES_MERGED.setLocal(execution, problems.isEmpty());
            PatchVariables.KEY_FILE_REPORT.setLocal(execution, problems.isEmpty() ? "merged on " + host
                    : host + ": " + String.join("; ", problems));
        }
    }

    /**
     * The rollback's validation, as patch-4.1's: with the patch uninstalled the key files must still carry https,
     * the ECE name and the gadget URL on every web server (an uninstall can put back the shipped files). Reads
     * only; there are no patch lines to keep after a rollback.
     */
    @Component("checkKeyFilesAfterRollBackDelegate")
    static class CheckKeyFilesAfterRollBackDelegate extends RunbookStep {
        CheckKeyFilesAfterRollBackDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            List<String> problems = new ArrayList<>();
            for (var web : run.estate().webServers()) {
                String host = web.name();
                KeyFileMerge.problems(run.ece().readConfigFile(host, EceConfigFile.ECE_CONFIG_JS),
                        run.ece().readConfigFile(host, EceConfigFile.AGENT_XML), spog(run, execution, host),
                        run.estate().ece().fqdn(), run.estate().ece().siteUrl(), Set.of())
                        .forEach(problem -> problems.add(host + ": " + problem));
            }
            PatchVariables.KEY_FILES_MERGED.set(execution, problems.isEmpty());
            PatchVariables.KEY_FILE_REPORT.set(execution, problems.isEmpty()
                    ? "https, the ECE name and the gadget URL are set on every web server"
                    : String.join("; ", problems));
        }
    }

    /** spog_config.js on a PCCE web server that has one (final-6 creates it), else null: nothing to check. */
    private static String spog(RunContext run, DelegateExecution execution, String host) {
        WebServerPatchFiles web = WebServerPatchFiles.of(run, PatchRun.of(run.estate(), execution), host);
        return web.keyFiles(run).contains(EceConfigFile.SPOG_CONFIG_JS)
                ? run.ece().readConfigFile(host, EceConfigFile.SPOG_CONFIG_JS) : null;
    }
}
