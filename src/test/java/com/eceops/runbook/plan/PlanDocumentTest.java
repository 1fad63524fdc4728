package com.eceops.runbook.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.run.RunKey;

/** The plan document: what a change board reads first, and every command once, in the document's order. */
class PlanDocumentTest {

    private static final String PREAMBLE = "$ErrorActionPreference = 'Stop'\n";
    private static final RunKey RUN = RunKey.parse("lab.plan.20261207-190000-1");

    private static PlanEntry ps(String host, String step, String operation, String body) {
        return new PlanEntry(PlanEntry.Language.POWERSHELL, host, step, operation, PREAMBLE + body, Optional.empty());
    }

    private static PlanDocument plan(PlanState state, List<PlanEntry> entries) {
        return new PlanDocument(new PlanDocument.Facts(RUN, "lab", "a lab", "sha256:00", Instant.parse("2026-12-07T19:00:00Z"),
                state, state == PlanState.STOPPED ? Optional.of("incident at Task_Copy: access denied") : Optional.empty()),
                entries, PREAMBLE);
    }

    @Test
    void stepsFollowTheDocumentsOrderWhateverOrderTheRunRecordedThemIn() {
        String text = plan(PlanState.COMPLETE, List.of(
                ps("A", "patch-1.2", "stop", "Stop-Service"), ps("A", "final-1", "check", "x"),
                ps("A", "pre-2.10", "ten", "x"), ps("A", "post-4", "copy", "x"), ps("A", "pre-2.9", "nine", "x"),
                ps("A", "sys-2", "facts", "x"), ps("A", "inst-1", "setup", "x"), ps("A", "post-2, patch-1.3", "wait", "x"))).markdown();

        List<String> steps = text.lines().filter(line -> line.startsWith("### ")).toList();
        assertThat(steps).containsExactly("### sys-2", "### pre-2.9", "### pre-2.10", "### inst-1",
                "### post-2, patch-1.3", "### post-4", "### final-1", "### patch-1.2");
    }

    @Test
    void aCommandRecordedTwiceByAStepIsShownOnceWithItsCountAndThePreambleOnceAtTheTop() {
        String text = plan(PlanState.COMPLETE, List.of(ps("A", "post-2", "start service", "Start-Service $Name"),
                ps("A", "post-2", "start service", "Start-Service $Name"), ps("B", "post-2", "start service", "Start-Service $Name"))).markdown();

        assertThat(text.split("Start-Service", -1)).hasSize(3);
        assertThat(text).contains("Recorded 2 times by this step").contains("| Commands | 2 on 2 hosts |")
                .contains("```powershell\nStart-Service $Name\n```");
        assertThat(text.split("ErrorActionPreference", -1)).as("the preamble once").hasSize(2);
    }

    @Test
    void refusalsAndAnUnfinishedWalkAreSaidAtTheTopAndThePlanIsNotApprovable() {
        PlanEntry refused = new PlanEntry(PlanEntry.Language.POWERSHELL, "B", "post-4", "copy file", PREAMBLE + "Copy-Item",
                Optional.of("no doubleHop is set"));
        PlanDocument stopped = plan(PlanState.STOPPED, List.of(refused, ps("A", "post-3", "backup", "x")));
        String text = stopped.markdown();

        assertThat(stopped.approvable()).isFalse();
        assertThat(text).contains("| Complete | no: the run stopped (incident at Task_Copy: access denied); nothing after that"
                        + " point is in this plan |")
                .contains("| Refused in a live run | **1** (below) |")
                .contains("- **post-4** B: copy file: no doubleHop is set")
                .contains("#### B: copy file\n\n> **Refused in a live run:** no doubleHop is set")
                .contains("| B | 1 | 0 | 1 |");
        assertThat(plan(PlanState.COMPLETE, List.of(ps("A", "post-3", "backup", "x"))).approvable()).isTrue();
        assertThat(plan(PlanState.WALKING, List.of(ps("A", "post-3", "backup", "x"))).markdown())
                .contains("| Complete | no: the run is still walking the procedure");
    }

    @Test
    void theHtmlPageEscapesEveryTextAndLinksEachStepFromItsTableOfContents() {
        String page = PlanHtml.of(plan(PlanState.COMPLETE, List.of(
                ps("A<script>", "pre-4.1", "create \"root\"", "$Path = '<b>&'\nNew-DfsnRoot"),
                new PlanEntry(PlanEntry.Language.SQL, "A", "pre-6.2", "CREATE DATABASE", "CREATE DATABASE [AGTemp]", Optional.empty()))));

        assertThat(page).doesNotContain("<script>").doesNotContain("<b>")
                .contains("<h3>A&lt;script&gt;: create &quot;root&quot;</h3>")
                .contains("$Path = &#39;&lt;b&gt;&amp;&#39;\nNew-DfsnRoot")
                .contains("<li><a href=\"#step-pre-4-1\">pre-4.1</a> (1 command)</li><li><a href=\"#step-pre-6-2\">pre-6.2</a>")
                .contains("<h3>A (T-SQL): CREATE DATABASE</h3>")
                .contains("<code class=\"language-sql\">CREATE DATABASE [AGTemp]</code>");
    }
}
