package com.eceops.runbook.technology.powershell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.estate.SingleLine;

/**
 * An in-memory plan: the scripts a run would execute, grouped by host, in order, as a Markdown document; the
 * PowerShell of the hosts or, fenced as {@code sql}, the T-SQL of the instances.
 */
public final class MarkdownPlan implements ScriptRecorder {

    private record Entry(String step, String operation, String script) {
    }

    private final Map<String, List<Entry>> byHost = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final String language;

    /** A plan of PowerShell scripts. */
    public MarkdownPlan() {
        this("powershell");
    }

    /** A plan of scripts in {@code language}, the word after each opening fence. */
    public MarkdownPlan(String language) {
        this.language = language;
    }

    @Override
    public synchronized void record(String host, String step, String operation, String shownScript) {
        byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(new Entry(step, operation, SecretMasker.mask(shownScript)));
    }

    /** The document; every heading is one line ({@link SingleLine}), whatever a host, step or operation holds. */
    public synchronized String toMarkdown(String title) {
        StringBuilder text = new StringBuilder("# ").append(SingleLine.of(title)).append("\n\n");
        if (byHost.isEmpty()) {
            return text.append("Nothing would change.\n").toString();
        }
        byHost.forEach((host, entries) -> {
            text.append("## ").append(SingleLine.of(host)).append("\n\n");
            for (Entry entry : entries) {
                text.append("### ").append(SingleLine.of(entry.step())).append(": ").append(SingleLine.of(entry.operation())).append("\n\n")
                        .append("```").append(language).append("\n").append(fenced(entry.script())).append("```\n\n");
            }
        });
        return text.toString();
    }

    /** A script cannot close its block early, and the closing fence starts a line of its own. */
    private static String fenced(String script) {
        String text = script.replace("```", "` ` `");
        return text.endsWith("\n") ? text : text + "\n";
    }
}
