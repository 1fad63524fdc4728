package com.eceops.runbook.technology.activedirectory;

import com.eceops.runbook.technology.powershell.PowerShellScript;
import com.eceops.runbook.technology.powershell.ScriptCatalog;
import com.eceops.runbook.technology.powershell.ScriptValues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The shape every Active Directory and DFS script keeps: a change reads the state before its first changing cmdlet and
 * has a way out that changes nothing; a read changes nothing; no value is spliced into the body.
 */
class DirectoryScriptsTest {

    private static final Pattern CHANGING = Pattern.compile("\\b(New|Set|Add)-(AD|Dfs|Smb)\\w+|Set-Acl");
    private static final Pattern READING = Pattern.compile("\\bGet-(AD|Dfs|Smb)\\w+");
    private static final List<PowerShellScript> SCRIPTS = ScriptCatalog.directoryScripts(ScriptValues.of(ScriptValues.sampleEstate()));

    @Test
    void everyChangeReadsBeforeItChangesAndCanAnswerUnchanged() {
        List<PowerShellScript> changes = SCRIPTS.stream().filter(s -> CHANGING.matcher(s.body()).find()).toList();
        assertThat(changes).hasSize(12);
        for (PowerShellScript script : changes) {
            Matcher change = CHANGING.matcher(script.body());
            Matcher read = READING.matcher(script.body());
            assertThat(change.find()).isTrue();
            assertThat(read.find()).as("%s reads first", script.operation()).isTrue();
            assertThat(read.start()).as("%s reads before it changes", script.operation()).isLessThan(change.start());
            assertThat(script.body()).as(script.operation()).containsAnyOf("changed = $false", "changed = $changed");
        }
    }

    @Test
    void theReadsChangeNothing() {
        assertThat(SCRIPTS).filteredOn(s -> s.operation().startsWith("read") || s.operation().startsWith("find"))
                .hasSize(5).allSatisfy(script -> assertThat(CHANGING.matcher(script.body()).find()).as(script.operation()).isFalse());
    }

    @Test
    void noValueOfTheSampleEstateIsInAnyBody() {
        for (PowerShellScript script : SCRIPTS) {
            assertThat(script.body()).as(script.operation())
                    .doesNotContain("CC2K125ECEAA", "CC2K125ECEAB", "massivedynamic", "ECE_Root", "MASSIVE", "Pa55word");
        }
    }
}
