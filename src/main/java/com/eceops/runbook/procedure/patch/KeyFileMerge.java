package com.eceops.runbook.procedure.patch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.eceops.runbook.procedure.postinstall.WebServerConfigText;

/**
 * Pure text work of patch-4.1: a line diff of a backed-up key file against the patched one, the lines the patch
 * brought that must survive the merge, and the check of a merged file. The settings post-10 made (https, the
 * ECE name, the gadget URL) are the lines a patch resets; everything else new is the patch's own.
 */
public final class KeyFileMerge {

    public static final String PROTOCOL_VAR = "web_server_protocol";
    public static final String NAME_VAR = "web_server_name";
    private static final Pattern SETTING_LINE = Pattern.compile(
            "^\\s*(var\\s+(" + PROTOCOL_VAR + "|" + NAME_VAR + ")\\b.*|.*<gadget>.*</gadget>.*)$");

    private KeyFileMerge() {
    }

    /** "- line" for lines only in the backup, "+ line" for lines only in the patched file. */
    static String diff(String name, String backup, String patched) {
        List<String> before = lines(backup);
        List<String> after = lines(patched);
        StringBuilder out = new StringBuilder("--- ").append(name).append(" (backup)\n+++ ").append(name).append(" (patched)\n");
        before.stream().filter(l -> !after.contains(l)).forEach(l -> out.append("- ").append(l).append('\n'));
        after.stream().filter(l -> !before.contains(l)).forEach(l -> out.append("+ ").append(l).append('\n'));
        return out.toString();
    }

    /** The patch's own new lines: new in the patched file and not one of the settings the merge puts back. */
    static Set<String> patchLines(String backup, String patched) {
        List<String> before = lines(backup);
        Set<String> added = new LinkedHashSet<>();
        for (String line : lines(patched)) {
            if (!before.contains(line) && !SETTING_LINE.matcher(line).matches() && !line.isBlank()) {
                added.add(line);
            }
        }
        return added;
    }

    /**
     * What is wrong with the merged files; empty when they carry the settings and every line the patch brought:
     * web_server_protocol https and web_server_name the ECE FQDN in ece_config.js, the gadget URL on {@code site} (the
     * ECE URL, with the site's port when it is not 443) in agent.xml, and with spog_config.js on a PCCE web server that
     * has one ({@code spog} null otherwise) its web_server_name naming ECE too (final-6), its lines counting among the
     * patch's lines kept.
     */
    static List<String> problems(String js, String xml, String spog, String eceFqdn, String site, Set<String> patchLines) {
        List<String> problems = new ArrayList<>();
        if (spog != null) {
            Optional<String> spogName = WebServerConfigText.jsVarValue(spog, NAME_VAR);
            if (!spogName.equals(Optional.of(eceFqdn))) {
                problems.add(NAME_VAR + " in spog_config.js is " + spogName.map(v -> "\"" + v + "\"").orElse("missing")
                        + ", not \"" + eceFqdn + "\"");
            }
        }
        expect(problems, PROTOCOL_VAR, WebServerConfigText.jsVarValue(js, PROTOCOL_VAR), "https");
        expect(problems, NAME_VAR, WebServerConfigText.jsVarValue(js, NAME_VAR), eceFqdn);
        Optional<String> gadget = WebServerConfigText.gadgetUrl(xml);
        String onEce = site;
        if (gadget.isEmpty() || !(gadget.get().equals(onEce) || gadget.get().startsWith(onEce + "/"))) {
            problems.add("the gadget URL in agent.xml is " + gadget.orElse("missing") + ", not on " + onEce + "/");
        }
        List<String> merged = new ArrayList<>(lines(js));
        merged.addAll(lines(xml));
        merged.addAll(lines(spog));
        for (String line : patchLines) {
            if (!merged.contains(line)) {
                problems.add("the patch's line \"" + line.strip() + "\" is gone: merge into the new file, never copy"
                        + " the backup over it");
            }
        }
        return problems;
    }

    static String joined(Set<String> lines) {
        return String.join("\n", lines);
    }

    static Set<String> split(Object text) {
        Set<String> lines = new LinkedHashSet<>();
        if (text != null) {
            for (String line : text.toString().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static void expect(List<String> problems, String name, Optional<String> actual, String wanted) {
        if (!actual.equals(Optional.of(wanted))) {
            problems.add(name + " in ece_config.js is " + actual.map(v -> "\"" + v + "\"").orElse("missing")
                    + ", not \"" + wanted + "\"");
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.replace("\r\n", "\n").split("\n"));
    }
}
