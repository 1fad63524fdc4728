package com.eceops.runbook.lab;

import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.EceConfigFile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an ECE patch does to a server in the lab, whether a person runs its installer or the runbook starts it
 * detached. On a web server it behaves like a real ES: the gadget files come back with the installer's values
 * (http and the server's own name, so the post-10 settings are lost) plus something new of its own, and a chat
 * template changes. That is why patch-4.1 must merge, never copy the backup back. The uninstall puts back what
 * the patch replaced.
 */
final class LabEcePatches {

    static final String CHAT_TEMPLATES = "eService\\templates\\chat";
    static final String CHAT_ENTRY_POINT = CHAT_TEMPLATES + "\\chat_entry_point.js";

    private LabEcePatches() {
    }

    /** Installs {@code patch} on the host unless it is there already; answers whether anything changed. */
    static boolean install(LabContext lab, HostState h, String patch) {
        EceHostState ece = lab.state().ece.get(h.name);
        if (ece.components.isEmpty() || ece.patches.contains(patch)) {
            return false;
        }
        String before = ece.patches.isEmpty() ? "base" : ece.patches.get(ece.patches.size() - 1);
        ece.patches.add(patch);
        lab.record(h.name, "ECE patch level", before, patch);
        if (ece.components.contains(EceComponent.APPLICATION_SERVER) && lab.state().availabilityGroup != null
                && lab.state().availabilityGroup.primary() != null) {
            upgradeSchema(lab, patch);
        }
        if (ece.components.contains(EceComponent.WEB_SERVER) && ece.eceHome != null) {
            Map<String, String> replaced = new LinkedHashMap<>();
            LabFileSystem files = new LabFileSystem(lab);
            String home = ece.eceHome;
            replace(lab, files, h, home + "\\" + EceConfigFile.ECE_CONFIG_JS.relativePath(),
                    "var web_server_protocol = \"http\";\nvar web_server_name = \"" + h.name + "\";\n"
                            + "var chat_patch_level = \"" + patch + "\";\n", replaced);
            replace(lab, files, h, home + "\\" + EceConfigFile.AGENT_XML.relativePath(),
                    "<gadget>http://" + h.name + "/ece/finesse/gadget/agent/agent.xml</gadget>\n"
                            + "<gadgetVersion>" + patch + "</gadgetVersion>\n", replaced);
            files.ensureDirectory(h.name, home + "\\" + CHAT_TEMPLATES);
            replace(lab, files, h, home + "\\" + CHAT_ENTRY_POINT, "/* ECE chat entry point, " + patch + " */\n", replaced);
            ece.replacedByPatch.put(patch, replaced);
        }
        return true;
    }

    /** Uninstalls the last patch and puts back the files it replaced; a server without patches is left alone. */
    static boolean uninstall(LabContext lab, HostState h) {
        EceHostState ece = lab.state().ece.get(h.name);
        if (ece.patches.isEmpty()) {
            return false;
        }
        String removed = ece.patches.remove(ece.patches.size() - 1);
        lab.record(h.name, "ECE patch level", removed, ece.patches.isEmpty() ? "base" : ece.patches.get(ece.patches.size() - 1));
        Map<String, String> replaced = ece.replacedByPatch.remove(removed);
        if (replaced != null) {
            LabFileSystem files = new LabFileSystem(lab);
            replaced.forEach((path, content) -> {
                if (content == null) {
                    h.files.remove(LabPaths.key(path));
                    lab.record(h.name, "file " + path, "present", "absent");
                } else {
                    files.writeLocal(h, path, content, lab.now());
                }
            });
        }
        return true;
    }

    private static void replace(LabContext lab, LabFileSystem files, HostState h, String path, String content,
            Map<String, String> replaced) {
        HostState.FileEntry old = h.files.get(LabPaths.key(path));
        replaced.put(path, old == null ? null : old.content);
        files.writeLocal(h, path, content, lab.now());
    }

    /**
     * The ECE databases' schema becomes {@code version} on the primary and, by synchronous commit, on every joined
     * secondary copy: what a patch's installer does through the listener. A version already there changes nothing.
     */
    static void upgradeSchema(LabContext lab, String version) {
        AgLabState ag = lab.state().availabilityGroup;
        if (ag == null || ag.primary() == null) {
            throw lab.refuse("-", "the ECE databases are reached through the listener, and there is no availability group");
        }
        for (String database : lab.estate().databases().eceDatabases()) {
            SqlInstanceState.Database primary = lab.state().sql.get(ag.primary()).databases.get(LabContext.key(database));
            if (primary == null || version.equals(primary.schemaVersion)) {
                continue;
            }
            lab.record(ag.primary(), "schema of " + database, primary.schemaVersion, version);
            primary.schemaVersion = version;
            for (AgLabState.Replica replica : ag.replicas.values()) {
                SqlInstanceState.Database copy = lab.state().sql.get(replica.host).databases.get(LabContext.key(database));
                if (!replica.host.equals(ag.primary()) && copy != null && copy.inAvailabilityGroup) {
                    copy.schemaVersion = version;
                }
            }
        }
    }
}
