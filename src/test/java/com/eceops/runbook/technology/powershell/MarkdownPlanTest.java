package com.eceops.runbook.technology.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plan document's headings are one line each, whatever a host, step or operation holds. */
class MarkdownPlanTest {

    @Test
    void noValueStartsALineOfItsOwnInAHeading() {
        MarkdownPlan plan = new MarkdownPlan();
        plan.record("CC2K125ECEAA\n# Forged host", "pre-1\r\n## Forged step", "create E:\\ECE\u2028### Forged\u0085operation",
                "New-Item -ItemType Directory -Path 'E:\\ECE'\n");
        String markdown = plan.toMarkdown("Plan of run x\n# Forged title");
        assertThat(markdown.lines().filter(line -> line.startsWith("#"))).containsExactly(
                "# Plan of run x\\u000A# Forged title",
                "## CC2K125ECEAA\\u000A# Forged host",
                "### pre-1\\u000D\\u000A## Forged step: create E:\\ECE\\u2028### Forged\\u0085operation");
        assertThat(markdown).doesNotContain("\u2028", "\u0085", "\r");
    }

    @Test
    void ordinaryHeadingsAreUnchanged() {
        MarkdownPlan plan = new MarkdownPlan();
        plan.record("CC2K125ECEAA", "pre-1", "create E:\\ECE", "New-Item\n");
        assertThat(plan.toMarkdown("Plan")).isEqualTo(
                "# Plan\n\n## CC2K125ECEAA\n\n### pre-1: create E:\\ECE\n\n```powershell\nNew-Item\n```\n\n");
    }
}
