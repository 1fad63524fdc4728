package com.eceops.runbook.procedure.patch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.OperationFailedException;

/** What the in-window steps read from a run: the patch, the servers in patch order, where things are on them. */
record PatchRun(Estate estate, String patchLevel) {

    /** Where patch-2.2 keeps its copies on a web server, below the ECE home: one folder per patch. */
    static final String BACKUP_FOLDER = "PatchBackups";

    static PatchRun of(Estate estate, VariableScope variables) {
        String level = PatchVariables.PATCH_LEVEL.from(variables).orElseThrow(() -> new IllegalStateException("the run has no "
                + PatchVariables.PATCH_LEVEL + " (registered by SchedulePatch)"));
        return new PatchRun(estate, level);
    }

    /** patch-3's order: side-A collocated, side-B collocated, side-A web, side-B web. */
    static List<String> order(Estate estate) {
        return List.of(estate.sideA().collocated().name(), estate.sideB().collocated().name(),
                estate.sideA().web().name(), estate.sideB().web().name());
    }

    Server server(String host) {
        return estate.server(host).orElseThrow(() -> new OperationFailedException(host, "find the server",
                "no server " + host + " in estate " + estate.name()));
    }

    String backupPath(String eceHome, String relativePath) {
        return eceHome + "\\" + BACKUP_FOLDER + "\\" + patchLevel + "\\" + relativePath;
    }

    /** As the document gives it: https://<ECE FQDN>/<partition> (e.g. .../system); the context root is the installer's. */
    static String partitionUrl(Estate estate, String partition) {
        return estate.ece().siteUrl() + "/" + partition;
    }

    /** "A=base;B=ES4" to a map and back; kept as text so that every history view shows it. */
    static Map<String, String> levels(Object text) {
        Map<String, String> levels = new LinkedHashMap<>();
        if (text != null && !text.toString().isBlank()) {
            for (String pair : text.toString().split(";")) {
                int eq = pair.indexOf('=');
                levels.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return levels;
    }

    static String levelsText(Map<String, String> levels) {
        return String.join(";", levels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
