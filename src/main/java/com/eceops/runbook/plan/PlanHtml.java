package com.eceops.runbook.plan;

import java.util.List;

/**
 * The plan as one HTML page, for reading and printing: the same facts, counts, refusals and commands as the
 * Markdown, with a table of contents of the steps. Every text is escaped; the page loads nothing from elsewhere.
 */
public final class PlanHtml {

    private PlanHtml() {
    }

    public static String of(PlanDocument plan) {
        PlanDocument.Facts facts = plan.facts();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Plan of run ").append(escape(facts.run().toString())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em;line-height:1.4}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .6em;text-align:left}")
                .append("pre{background:#f4f4f4;padding:.6em;overflow-x:auto;white-space:pre-wrap;word-break:break-all}")
                .append(".refused{border-left:4px solid #b00;padding-left:.6em}.warning{color:#b00;font-weight:bold}")
                .append("@media print{nav{page-break-after:always}pre{white-space:pre-wrap}}")
                .append("</style></head><body>\n");
        html.append("<h1>Plan of run ").append(escape(facts.run().toString())).append("</h1>\n<table>")
                .append(row("Estate", facts.estate() + " (" + facts.estateDescription() + ")"))
                .append(row("Inventory digest", facts.inventoryDigest()))
                .append(row("Made", PlanDocument.MADE.format(facts.made())))
                .append(row("Complete", plan.completeness()))
                .append(row("Commands", plan.commandCount() + " on " + plan.hosts().size() + " hosts"))
                .append(row("Refused in a live run", plan.refusals().isEmpty() ? "none" : String.valueOf(plan.refusals().size())))
                .append("</table>\n");
        html.append(plan.approvable() ? "<p>" + PlanDocument.APPROVABLE + ".</p>\n"
                : "<p class=\"warning\">" + PlanDocument.NOT_APPROVABLE + ": " + plan.whyNotApprovable() + ".</p>\n");
        html.append("<nav><h2>Steps</h2><ol>");
        plan.steps().forEach((step, commands) -> html.append("<li><a href=\"#").append(PlanDocument.anchor(step)).append("\">")
                .append(escape(step)).append("</a> (").append(commands.size()).append(commands.size() == 1 ? " command" : " commands")
                .append(")</li>"));
        html.append("</ol></nav>\n<h2>Changes per host</h2>\n<table><tr><th>Host</th><th>PowerShell</th><th>T-SQL</th><th>Refused</th></tr>");
        plan.hosts().forEach((host, counts) -> html.append("<tr><td>").append(escape(host)).append("</td><td>")
                .append(counts.powershell()).append("</td><td>").append(counts.sql()).append("</td><td>").append(counts.refused())
                .append("</td></tr>"));
        html.append("</table>\n");
        if (!plan.refusals().isEmpty()) {
            html.append("<h2>Refused in a live run</h2>\n<ul>");
            for (PlanEntry refused : plan.refusals()) {
                html.append("<li><a href=\"#").append(PlanDocument.anchor(refused.step())).append("\">").append(escape(refused.step()))
                        .append("</a> ").append(escape(refused.host())).append(": ").append(escape(refused.operation()))
                        .append(": ").append(escape(refused.refusal().orElseThrow())).append("</li>");
            }
            html.append("</ul>\n");
        }
        html.append("<h2>How every PowerShell script begins</h2>\n<p>The scripts below are shown without these lines, ")
                .append("which the runbook puts at the top of each one:</p>\n<pre>").append(escape(plan.preamble())).append("</pre>\n");
        plan.steps().forEach((step, commands) -> steps(html, step, commands));
        return html.append("</body></html>\n").toString();
    }

    private static void steps(StringBuilder html, String step, List<PlanDocument.Command> commands) {
        html.append("<h2 id=\"").append(PlanDocument.anchor(step)).append("\">").append(escape(step)).append("</h2>\n");
        for (PlanDocument.Command command : commands) {
            PlanEntry entry = command.entry();
            html.append(entry.refused() ? "<section class=\"refused\">" : "<section>").append("<h3>").append(escape(entry.host()))
                    .append(entry.language() == PlanEntry.Language.SQL ? " (T-SQL)" : "").append(": ")
                    .append(escape(entry.operation())).append("</h3>\n");
            entry.refusal().ifPresent(why -> html.append("<p class=\"warning\">Refused in a live run: ").append(escape(why)).append("</p>\n"));
            if (command.times() > 1) {
                html.append("<p>").append(PlanDocument.repeated(command.times())).append("</p>\n");
            }
            html.append("<pre><code class=\"language-").append(entry.language().fence()).append("\">")
                    .append(escape(command.shownScript())).append("</code></pre></section>\n");
        }
    }

    private static String row(String name, String value) {
        return "<tr><th>" + escape(name) + "</th><td>" + escape(value) + "</td></tr>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
