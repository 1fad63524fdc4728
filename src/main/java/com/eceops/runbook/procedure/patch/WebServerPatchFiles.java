package com.eceops.runbook.procedure.patch;

import java.util.ArrayList;
import java.util.List;

import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;

/**
 * The files of one web server that a patch may replace and patch-2.2 keeps a copy of: the two gadget key files
 * and the chat entry point templates (the files directly in the chat templates folder). The copies go below the
 * ECE home into {@code PatchBackups\<patch level>\} with their relative paths.
 */
record WebServerPatchFiles(String host, String eceHome, PatchRun patch) {

    static final String CHAT_TEMPLATES = "eService\\templates\\chat";

    static WebServerPatchFiles of(RunContext run, PatchRun patch, String host) {
        String home = run.ece().readInstallation(host).eceHome();
        if (home == null) {
            throw new OperationFailedException(host, "find the ECE home", "ECE setup has not run on " + host);
        }
        return new WebServerPatchFiles(host, home, patch);
    }

    String path(String relative) {
        return eceHome + "\\" + relative;
    }

    String backup(String relative) {
        return patch.backupPath(eceHome, relative);
    }

    static String keyFile(EceConfigFile file) {
        return file.relativePath();
    }

    /**
     * patch-2.2's key files: ece_config.js and agent.xml, and spog_config.js only on a PCCE estate where the file
     * is there (final-6 creates it). Other files of the gadget folders are not the patch's business.
     */
    List<EceConfigFile> keyFiles(RunContext run) {
        List<EceConfigFile> files = new ArrayList<>(List.of(EceConfigFile.ECE_CONFIG_JS, EceConfigFile.AGENT_XML));
        if (run.estate().ece().pcce() && run.windows().fileExists(host, path(keyFile(EceConfigFile.SPOG_CONFIG_JS)))) {
            files.add(EceConfigFile.SPOG_CONFIG_JS);
        }
        return files;
    }

    /** The key files patch-2.2 kept a copy of: compared at patch-4.1 (spog_config.js only if it was copied). */
    List<EceConfigFile> keyFilesBackedUp(RunContext run) {
        return keyFiles(run).stream().filter(f -> f != EceConfigFile.SPOG_CONFIG_JS
                || run.windows().fileExists(host, backup(keyFile(f)))).toList();
    }

    /** Relative paths of the chat templates on the server now, in sub-folders too (customised entry points are folders). */
    List<String> chatTemplates(RunContext run) {
        List<String> relative = new ArrayList<>();
        for (String name : run.windows().listFilesUnder(host, path(CHAT_TEMPLATES))) {
            relative.add(CHAT_TEMPLATES + "\\" + name);
        }
        return relative;
    }

    /** Relative paths of the chat templates the patch changed or added, compared with their copies. */
    List<String> changedChatTemplates(RunContext run) {
        List<String> changed = new ArrayList<>();
        for (String relative : chatTemplates(run)) {
            if (!run.windows().readFile(host, path(relative)).equals(run.windows().readFile(host, backup(relative)))) {
                changed.add(relative);
            }
        }
        return changed;
    }
}
