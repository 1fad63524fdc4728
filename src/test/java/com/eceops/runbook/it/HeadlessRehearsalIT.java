package com.eceops.runbook.it;


import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The command-line rehearsal: progress on the console, answers from a file, an exit code for every outcome. */
class HeadlessRehearsalIT {

    private static final String ANSWERS = "--answers=rehearsals/massivedynamic-answers.yaml";

    @Test
    void aRehearsalOfTheSampleEstateFinishesWithExitCodeZeroAndShowsItsProgress() throws Exception {
        try (RunbookJar jar = RunbookJar.start(instant(), "--rehearse=massivedynamic", ANSWERS)) {
            assertThat(jar.awaitExit(Duration.ofMinutes(3))).as(jar.consoleText()).isZero();
            assertThat(jar.consoleText())
                    .containsPattern("rehearsal massivedynamic\\.rehearsal\\.\\d{8}-\\d{6}-\\d+: \\d+ steps")
                    // Progress is sampled five times a second, so which steps it catches depends on the machine's pace:
                    // it names some preinstallation step and some later one, whichever they are.
                    .containsPattern("\\[\\d\\d:\\d\\d\\] step \\d+ of \\d+ · .*pre-\\d")
                    .containsPattern("\\[\\d\\d:\\d\\d\\] step \\d+ of \\d+ · .*(inst|post|final)-\\d")
                    .containsPattern("finished massivedynamic\\.rehearsal\\.\\S+ in \\d\\d:\\d\\d \\(COMPLETED\\)");
        }
    }

    /**
     * The plan a change board reads for the sample estate: the whole install walked without waits, nothing refused,
     * the Always On enablement and the seeding copy in it, and SQL Server never asked to read an administrative share.
     */
    @Test
    void aPlanOfTheSampleEstateIsCompleteWithNoRefusalsAndSqlServerReadsOnlyItsOwnDisks() throws Exception {
        Map<String, String> env = instant();
        Path data = Path.of(env.get("RUNBOOK_DATA_DIR"));
        try (RunbookJar jar = RunbookJar.start(env, "--plan=massivedynamic", ANSWERS)) {
            assertThat(jar.awaitExit(Duration.ofMinutes(3))).as(jar.consoleText()).isZero();
            Matcher key = Pattern.compile("finished (massivedynamic\\.plan\\.\\S+) in").matcher(jar.consoleText());
            assertThat(key.find()).as(jar.consoleText()).isTrue();
            String plan = Files.readString(data.resolve("plans").resolve(key.group(1) + ".md"));
            assertThat(plan).contains("| Complete | yes: the run walked the procedure to its end |")
                    .contains("| Refused in a live run | none |")
                    .contains("This plan is complete and a live run would send every command in it.")
                    .contains("Enable-SqlAlwaysOn").contains("#### CC2K125ECEAA: copy file (scheduled task as")
                    .contains("$Target = '\\\\CC2K125ECEAB\\F$\\MSSQL\\Backups\\AGTemp.bak'");
            assertThat(Files.readString(data.resolve("plans").resolve(key.group(1) + ".html"))).contains("<nav><h2>Steps</h2>");
            // Every T-SQL block: what SQL Server itself opens. No C$, E$, F$ share in any of them.
            Matcher sql = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(plan);
            int blocks = 0;
            while (sql.find()) {
                blocks++;
                assertThat(sql.group(1)).doesNotContainPattern("\\\\\\\\[^\\\\]+\\\\[A-Za-z]\\$");
            }
            assertThat(blocks).isGreaterThan(20);
        }
    }

    @Test
    void aTaskWithoutAnAnswerStopsTheRehearsalWithExitCodeThree() throws Exception {
        Path partial = Files.createTempFile("answers", ".yaml");
        Files.writeString(partial, "Task_ConfirmVirtualMachinesDeployed:\n  virtualMachinesDeployed: true\n");
        try (RunbookJar jar = RunbookJar.start(instant(), "--rehearse=massivedynamic", "--scenario=standard-edition",
                "--answers=" + partial)) {
            assertThat(jar.awaitExit(Duration.ofMinutes(3))).as(jar.consoleText()).isEqualTo(3);
            assertThat(jar.consoleText()).contains("task \"Upgrade SQL Server to Enterprise\"")
                    .contains("needs an answer");
        }
    }

    @Test
    void theAnswersFileCarriesTheStandardEditionPathThroughTheDbasUpgrade() throws Exception {
        try (RunbookJar jar = RunbookJar.start(instant(), "--rehearse=massivedynamic", "--scenario=standard-edition", ANSWERS)) {
            assertThat(jar.awaitExit(Duration.ofMinutes(3))).as(jar.consoleText()).isZero();
            assertThat(jar.consoleText()).contains("answering \"Upgrade SQL Server to Enterprise\" from the answers file");
        }
    }

    @Test
    void aRunThatStoppedIsContinuedWithResumeInTheSameDatabase() throws Exception {
        Map<String, String> env = instant();
        Path partial = Files.createTempFile("answers", ".yaml");
        Files.writeString(partial, "Task_ConfirmVirtualMachinesDeployed:\n  virtualMachinesDeployed: true\n");
        String key;
        try (RunbookJar jar = RunbookJar.start(env, "--rehearse=massivedynamic", "--scenario=standard-edition",
                "--answers=" + partial)) {
            assertThat(jar.awaitExit(Duration.ofMinutes(3))).as(jar.consoleText()).isEqualTo(3);
            Matcher started = Pattern.compile("--resume=(massivedynamic\\.rehearsal\\.\\S+)").matcher(jar.consoleText());
            assertThat(started.find()).as(jar.consoleText()).isTrue();
            key = started.group(1);
        }
        try (RunbookJar jar = RunbookJar.start(env, "--resume=" + key, ANSWERS)) {
            assertThat(jar.awaitExit(Duration.ofMinutes(3))).as(jar.consoleText()).isZero();
            assertThat(jar.consoleText()).contains("resuming " + key + " (InstallEceHa)")
                    .contains("answering \"Upgrade SQL Server to Enterprise\" from the answers file")
                    .contains("finished " + key);
        }
        try (RunbookJar jar = RunbookJar.start(env, "--resume=" + key, ANSWERS)) {
            assertThat(jar.awaitExit(Duration.ofMinutes(2))).as(jar.consoleText()).isEqualTo(2);
            assertThat(jar.consoleText()).contains("run " + key + " is over; there is nothing to resume");
        }
    }

    @Test
    void anUnknownScenarioIsRefusedInOneLineBeforeTheRunStarts() throws Exception {
        try (RunbookJar jar = RunbookJar.start(instant(), "--rehearse=massivedynamic", "--scenario=no-such-drill", ANSWERS)) {
            assertThat(jar.awaitExit(Duration.ofMinutes(2))).as(jar.consoleText()).isEqualTo(2);
            assertThat(jar.consoleText()).containsPattern("refused: run refused: labScenario: no lab scenario 'no-such-drill';"
                    + " known: .*cisco-start-held-up.*slow-clock").doesNotContain("rehearsal massivedynamic.rehearsal");
        }
    }

    @Test
    void anUnknownEstateIsRefusedWithExitCodeTwo() throws Exception {
        try (RunbookJar jar = RunbookJar.start(instant(), "--rehearse=atlantis", ANSWERS)) {
            assertThat(jar.awaitExit(Duration.ofMinutes(2))).as(jar.consoleText()).isEqualTo(2);
            assertThat(jar.consoleText()).contains("refused:").contains("atlantis");
        }
    }

    private static Map<String, String> instant() throws Exception {
        Path data = Files.createTempDirectory("runbook-headless");
        Map<String, String> env = new java.util.HashMap<>(RunbookJar.baseEnvironment(data, 0));
        env.remove("RUNBOOK_PORT");
        env.put("RUNBOOK_REHEARSAL_DURATION_SCALE", "0");
        return env;
    }
}
