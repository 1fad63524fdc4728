package com.eceops.runbook.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.eceops.runbook.estate.SingleLine;
import com.eceops.runbook.run.RunKey;

/**
 * What a change board reads before a window, as one model rendered as Markdown ({@link #markdown()}) and HTML
 * ({@link PlanHtml}): first the facts that decide whether to read on (estate, inventory digest, when, whether the walk
 * was complete, how many changes per host, what a live run would refuse), then every command once, by procedure step
 * in the document's order, PowerShell and T-SQL together under the step that sends them. The PowerShell preamble,
 * the same at the top of every script, is shown once. A pure function of its inputs.
 */
public final class PlanDocument {

    static final DateTimeFormatter MADE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** What the plan is of, and how far its run got. {@code detail} says where a stopped run stopped. */
    public record Facts(RunKey run, String estate, String estateDescription, String inventoryDigest, Instant made,
                        PlanState state, Optional<String> detail) {
    }

    /** A command as the document shows it: the preamble taken off, and how often the run recorded it. */
    record Command(PlanEntry entry, String shownScript, int times) {
    }

    /** Counts of one host's commands. */
    record HostCounts(int powershell, int sql, int refused) {
    }

    private final Facts facts;
    private final String preamble;
    private final Map<String, List<Command>> byStep = new TreeMap<>(ProcedureOrder.STEPS);
    private final Map<String, HostCounts> byHost = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<PlanEntry> refusals = new ArrayList<>();

    /**
     * @param entries  in the order the run recorded them
     * @param preamble the text every PowerShell script of the runbook begins with
     */
    public PlanDocument(Facts facts, List<PlanEntry> entries, String preamble) {
        this.facts = facts;
        this.preamble = preamble;
        for (PlanEntry entry : entries) {
            List<Command> step = byStep.computeIfAbsent(entry.step(), s -> new ArrayList<>());
            Optional<Command> same = step.stream().filter(c -> c.entry().sameCommandAs(entry)).findFirst();
            if (same.isPresent()) {
                step.set(step.indexOf(same.get()), new Command(same.get().entry(), same.get().shownScript(), same.get().times() + 1));
                continue;
            }
            step.add(new Command(entry, withoutPreamble(entry), 1));
            HostCounts counts = byHost.getOrDefault(entry.host(), new HostCounts(0, 0, 0));
            byHost.put(entry.host(), new HostCounts(
                    counts.powershell() + (entry.language() == PlanEntry.Language.POWERSHELL ? 1 : 0),
                    counts.sql() + (entry.language() == PlanEntry.Language.SQL ? 1 : 0),
                    counts.refused() + (entry.refused() ? 1 : 0)));
            if (entry.refused()) {
                refusals.add(entry);
            }
        }
    }

    public Facts facts() {
        return facts;
    }

    /** Complete: the run reached its end, and a live run would send every command as planned. */
    public boolean approvable() {
        return facts.state() == PlanState.COMPLETE && refusals.isEmpty();
    }

    Map<String, List<Command>> steps() {
        return byStep;
    }

    Map<String, HostCounts> hosts() {
        return byHost;
    }

    List<PlanEntry> refusals() {
        return refusals;
    }

    String preamble() {
        return preamble;
    }

    int commandCount() {
        return byStep.values().stream().mapToInt(List::size).sum();
    }

    static final String APPROVABLE = "This plan is complete and a live run would send every command in it";
    static final String NOT_APPROVABLE = "This plan is not ready for approval";

    /** Why {@link #approvable()} is false, in words both renderings use. */
    String whyNotApprovable() {
        return facts.state() != PlanState.COMPLETE ? "the walk did not reach its end" : "a live run would refuse some of its commands";
    }

    /** The note under a command a step sent more than once. */
    static String repeated(int times) {
        return "Recorded " + times + " times by this step (to verify, or in a loop); a live run sends it as often.";
    }

    /** The completeness line, in words. */
    String completeness() {
        return switch (facts.state()) {
            case COMPLETE -> "yes: the run walked the procedure to its end";
            case WALKING -> "no: the run is still walking the procedure; what is below is what it has recorded so far";
            case STOPPED -> "no: the run stopped" + facts.detail().map(d -> " (" + d + ")").orElse("")
                    + "; nothing after that point is in this plan";
            case CANCELLED -> "no: the run was cancelled before its end";
        };
    }

    /** The step's anchor in both renderings. */
    static String anchor(String step) {
        return "step-" + step.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    public String markdown() {
        StringBuilder text = new StringBuilder("# Plan of run ").append(line(facts.run().toString())).append("\n\n");
        text.append("| | |\n|---|---|\n")
                .append("| Estate | ").append(cell(facts.estate() + " (" + facts.estateDescription() + ")")).append(" |\n")
                .append("| Inventory digest | ").append(cell(facts.inventoryDigest())).append(" |\n")
                .append("| Made | ").append(MADE.format(facts.made())).append(" |\n")
                .append("| Complete | ").append(cell(completeness())).append(" |\n")
                .append("| Commands | ").append(commandCount()).append(" on ").append(byHost.size()).append(" hosts |\n")
                .append("| Refused in a live run | ").append(refusals.isEmpty() ? "none" : "**" + refusals.size() + "** (below)")
                .append(" |\n\n");
        text.append(approvable() ? APPROVABLE : "**" + NOT_APPROVABLE + "**: " + whyNotApprovable()).append(".\n\n");
        text.append("## Changes per host\n\n| Host | PowerShell | T-SQL | Refused |\n|---|---|---|---|\n");
        byHost.forEach((host, counts) -> text.append("| ").append(cell(host)).append(" | ").append(counts.powershell())
                .append(" | ").append(counts.sql()).append(" | ").append(counts.refused()).append(" |\n"));
        text.append('\n');
        if (!refusals.isEmpty()) {
            text.append("## Refused in a live run\n\n");
            for (PlanEntry refused : refusals) {
                text.append("- **").append(line(refused.step())).append("** ").append(line(refused.host())).append(": ")
                        .append(line(refused.operation())).append(": ").append(line(refused.refusal().orElseThrow())).append('\n');
            }
            text.append('\n');
        }
        text.append("## How every PowerShell script begins\n\nThe scripts below are shown without these lines, which "
                + "the runbook puts at the top of each one:\n\n```powershell\n").append(fenced(preamble)).append("```\n\n");
        text.append("## Steps\n\n");
        if (byStep.isEmpty()) {
            text.append("Nothing would change.\n");
        }
        byStep.forEach((step, commands) -> {
            text.append("### ").append(line(step)).append("\n\n");
            for (Command command : commands) {
                PlanEntry entry = command.entry();
                text.append("#### ").append(line(entry.host())).append(entry.language() == PlanEntry.Language.SQL ? " (T-SQL)" : "")
                        .append(": ").append(line(entry.operation())).append("\n\n");
                entry.refusal().ifPresent(why -> text.append("> **Refused in a live run:** ").append(line(why)).append("\n\n"));
                if (command.times() > 1) {
                    text.append(repeated(command.times())).append("\n\n");
                }
                text.append("```").append(entry.language().fence()).append('\n').append(fenced(command.shownScript())).append("```\n\n");
            }
        });
        return text.toString();
    }

    private String withoutPreamble(PlanEntry entry) {
        return entry.language() == PlanEntry.Language.POWERSHELL && entry.script().startsWith(preamble)
                ? entry.script().substring(preamble.length()) : entry.script();
    }

    /** A script cannot close its block early, and the closing fence starts a line of its own. */
    static String fenced(String script) {
        String text = script.replace("```", "` ` `");
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static String line(String text) {
        return SingleLine.of(text);
    }

    private static String cell(String text) {
        return SingleLine.of(text).replace("|", "\\|");
    }
}
