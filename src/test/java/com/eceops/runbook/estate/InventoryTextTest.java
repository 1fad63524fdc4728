package com.eceops.runbook.estate;

import static com.eceops.runbook.estate.Inventories.massiveDynamic;
import static com.eceops.runbook.estate.Inventories.massiveDynamicWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text rules (InventoryText): no control character in any key or value, however deep, and the length and
 * character limits of names that SQL Server and Windows will be given. Each problem names its path and line,
 * and a refused value is blamed once.
 */
class InventoryTextTest {

    @TempDir
    Path dir;

    List<EstateProblem> problemsAfter(String original, String replacement) {
        return Inventories.problemsOf(dir, massiveDynamicWith(original, replacement));
    }

    /** The line of the sample on which {@code text} starts; counted, since the sample grows. */
    static int lineOf(String text) {
        String sample = massiveDynamic();
        int at = sample.indexOf(text);
        assertThat(at).as("the sample contains '%s'", text).isNotNegative();
        return (int) sample.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aNewlineInADatabaseNameIsRefusedWithItsPathAndLine() {
        // The plan would otherwise carry GO and DROP DATABASE at the start of lines of its T-SQL.
        List<EstateProblem> problems = problemsAfter("    active: eGActiveDB",
                "    active: \"eGActiveDB\\nGO\\nDROP DATABASE eGMasterDB\"");
        assertThat(problems).hasSize(1);
        EstateProblem problem = problems.get(0);
        assertThat(problem.path()).isEqualTo("sqlServer.databases.active");
        assertThat(problem.line()).isEqualTo(lineOf("    active: eGActiveDB"));
        assertThat(problem.message()).contains("U+000A (line feed) at character 11", "control characters")
                .doesNotContain("\n");
        assertThat(problem.toString()).startsWith("sqlServer.databases.active (line " + lineOf("    active: eGActiveDB") + "): ");
    }

    @Test
    void theReportOfARefusedInventoryKeepsOneProblemPerLine() {
        String yaml = massiveDynamicWith("    active: eGActiveDB", "    active: \"eGActiveDB\\r\\nGO\\r\\nDROP DATABASE eGMasterDB\"");
        EstateRepository repository = Inventories.repositoryWith(dir, "massivedynamic", yaml);
        assertThatThrownBy(() -> repository.load("massivedynamic")).isInstanceOf(InvalidEstateException.class)
                .satisfies(e -> assertThat(e.getMessage().lines()).containsExactly(
                        "The inventory of estate 'massivedynamic' has 1 problem:",
                        "  sqlServer.databases.active (line " + lineOf("    active: eGActiveDB") + "): 'eGActiveDB\\u000D\\u000AGO"
                                + "\\u000D\\u000ADROP DATABASE eGMasterDB' holds U+000D (carriage return) at character 11; no key"
                                + " or value of the inventory may hold control characters (tabs and line breaks included)"));
    }

    @Test
    void aNulInTheSeedingDatabaseNameIsRefusedWithItsPathAndLine() {
        List<EstateProblem> problems = problemsAfter("    seeding: AGTemp", "    seeding: \"AG\\0Temp\"");
        assertThat(problems).containsExactly(new EstateProblem("sqlServer.databases.seeding", lineOf("    seeding: AGTemp"),
                "'AG\\u0000Temp' holds U+0000 (NUL) at character 3; no key or value of the inventory may hold control"
                        + " characters (tabs and line breaks included)"));
    }

    @Test
    void aDatabaseNameOf129CharactersIsRefused() {
        String name = "eG" + "x".repeat(127);
        List<EstateProblem> problems = problemsAfter("    master: eGMasterDB", "    master: " + name);
        assertThat(problems).extracting(EstateProblem::path, EstateProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sqlServer.databases.master", lineOf("    master: eGMasterDB")));
        assertThat(problems.get(0).message()).startsWith("'eG" + "x".repeat(38) + "...' has 129 characters; a database name"
                + " is a SQL Server identifier (sysname, at most 128 characters) and at most 100 here");
    }

    @Test
    void aDatabaseNameOf100CharactersIsAcceptedAnd101IsNot() {
        assertThat(problemsAfter("    reports: eGReportsDB", "    reports: " + "r".repeat(100))).isEmpty();
        assertThat(Inventories.paths(problemsAfter("    reports: eGReportsDB", "    reports: " + "r".repeat(101))))
                .containsExactly("sqlServer.databases.reports");
    }

    @Test
    void anAvailabilityGroupNameIsASysnameOfAtMost128Characters() {
        String line = "availabilityGroup:         # named after the SQL CNO, which is also the listener's name\n  name: CC2K125ECEDB";
        String kept = "availabilityGroup:\n  name: ";
        assertThat(problemsAfter(line, kept + "G".repeat(128))).isEmpty();
        List<EstateProblem> problems = problemsAfter(line, kept + "G".repeat(129));
        assertThat(problems).extracting(EstateProblem::path).containsExactly("availabilityGroup.name");
        assertThat(problems.get(0).message()).endsWith("has 129 characters; an availability group name is a SQL Server"
                + " identifier (sysname) of at most 128 characters");
    }

    @Test
    void aServiceNameOf10000CharactersIsRefusedWithoutRepeatingIt() {
        List<EstateProblem> problems = problemsAfter("  serviceName: Cisco", "  serviceName: " + "C".repeat(10_000));
        assertThat(problems).containsExactly(new EstateProblem("ece.serviceName", lineOf("  serviceName: Cisco"),
                "'" + "C".repeat(40) + "...' has 10000 characters; a Windows service name has at most 256 characters"));
    }

    @Test
    void aServiceNameOf256CharactersIsAccepted() {
        assertThat(problemsAfter("  serviceName: Cisco", "  serviceName: " + "C".repeat(256))).isEmpty();
    }

    @ParameterizedTest(name = "a tab in a key written {0}")
    @ValueSource(strings = {"  \"net\\tbios\": MASSIVE", "  net\tbios: MASSIVE"})
    void aTabInAMapKeyIsRefusedWithItsPathAndLine(String key) {
        List<EstateProblem> problems = problemsAfter("  netbios: MASSIVE", key);
        int line = lineOf("  netbios: MASSIVE");
        assertThat(problems).contains(new EstateProblem("domain.net\tbios", line, "the key 'net\tbios' holds U+0009 (tab)"
                + " at character 4; no key or value of the inventory may hold control characters"));
        // The key is not also an unknown key; that netbios is then missing is true and said (on domain's line).
        assertThat(Inventories.paths(problems)).containsExactlyInAnyOrder("domain.net\\u0009bios", "domain.netbios");
    }

    // Values are trimmed by the CSV source, so each edit keeps the indentation of the line it changes.
    @ParameterizedTest(name = "{1} at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "description: Cisco ECE 12.5 HA lab from the tech note's example layout | description: \"lab\\Lnext\" | description | U+2028 (line separator)",
        "description: Cisco ECE 12.5 HA lab from the tech note's example layout | description: \"lab\\Pnext\" | description | U+2029 (paragraph separator)",
        "description: Cisco ECE 12.5 HA lab from the tech note's example layout | description: \"lab\\Nnext\" | description | U+0085 (next line)",
        "description: Cisco ECE 12.5 HA lab from the tech note's example layout | description: \"lab\\x7Fnext\" | description | U+007F (delete)",
        "description: Cisco ECE 12.5 HA lab from the tech note's example layout | description: \"lab\\enext\" | description | U+001B (escape)",
        "usage: \"Windows OS, SQL executables\" | usage: \"Windows OS\\r\\nGO\" | drives.collocated[0].usage | U+000D (carriage return)",
        "- CC2K125AWB | - \"CC2K125AWB\\n\" | ece.adminWorkstations[1] | U+000A (line feed)",
        "zone: Europe/Berlin | zone: \"Europe/Berlin\\t\" | patchWindows[0].zone | U+0009 (tab)",
        "hostNameInCertificate: '*.massivedynamic.com' | hostNameInCertificate: \"*.massivedynamic.com\\v\" | sqlServer.connection.hostNameInCertificate | U+000B (vertical tab)",
        "stopServices: PT10M | \"stopServices\\f\": PT10M | patchStepEstimates.stopServices\\u000C | U+000C (form feed)",
        "description: Cisco ECE 12.5 HA lab from the tech note's example layout | description: \"lab\\u202Enext\" | description | U+202E",
        "description: Cisco ECE 12.5 HA lab from the tech note's example layout | description: \"lab\\u200Bnext\" | description | U+200B",
        "description: Cisco ECE 12.5 HA lab from the tech note's example layout | description: \"lab\\u2066next\" | description | U+2066"})
    void everyKeyAndValueIsCheckedHoweverDeep(String original, String replacement, String path, String character) {
        List<EstateProblem> problems = problemsAfter(original, replacement);
        assertThat(problems).filteredOn(p -> p.message().contains(character))
                .extracting(EstateProblem::path, EstateProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(path, lineOf(original)));
    }

    @Test
    void noTextIsLongerThan1024Characters() {
        String description = "description: Cisco ECE 12.5 HA lab from the tech note's example layout";
        assertThat(problemsAfter(description, "description: " + "d".repeat(1024))).isEmpty();
        assertThat(problemsAfter(description, "description: " + "d".repeat(1025))).containsExactly(new EstateProblem(
                "description", lineOf(description), "'" + "d".repeat(40) + "...' has 1025 characters; no key or value of"
                        + " the inventory is longer than 1024"));
    }

    @Test
    void anOverlongUnknownKeyIsRefusedOnceAndNotEchoed() {
        String key = "k".repeat(2000);
        // An explicit key (?): YAML limits implicit keys to 1024 characters.
        List<EstateProblem> problems = problemsAfter("  netbios: MASSIVE", "  netbios: MASSIVE\n  ? " + key + "\n  : x");
        assertThat(problems).containsExactly(new EstateProblem("domain." + key, lineOf("  netbios: MASSIVE") + 1,
                "a key of 2000 characters; no key or value of the inventory is longer than 1024"));
    }

    @ParameterizedTest(name = "sqlInstance {0}")
    @ValueSource(strings = {"MSSQLSERVERTWELVE", "ECE;encrypt=false", "1ECE", "ECE SQL", "ECE\\\\X"})
    void aSqlInstanceNameFollowsSetupsRules(String instance) {
        String yaml = massiveDynamic().replace("sqlInstance: MSSQLSERVER", "sqlInstance: \"" + instance + "\"");
        List<EstateProblem> problems = Inventories.problemsOf(dir, yaml);
        assertThat(Inventories.paths(problems)).containsExactly("sides.a.collocated.sqlInstance", "sides.b.collocated.sqlInstance");
        assertThat(problems.get(0).message()).containsAnyOf("at most 16 characters", "a letter followed by letters, digits, $ or _");
    }

    @ParameterizedTest(name = "sqlInstance {0}")
    @ValueSource(strings = {"ECE", "SQL$ECE_2019", "Zürich16CharsXYZ"})
    void aSqlInstanceNameWithinSetupsRulesIsAccepted(String instance) {
        String yaml = massiveDynamic().replace("sqlInstance: MSSQLSERVER", "sqlInstance: " + instance);
        assertThat(Inventories.problemsOf(dir, yaml)).isEmpty();
    }

    @ParameterizedTest(name = "account name {0}")
    @ValueSource(strings = {"SqlServerServiceAcct1", "MASSIVE\\\\SqlServerSvc", "sql,svc", "svc*"})
    void anAccountNameIsASamAccountName(String name) {
        assertThat(Inventories.paths(problemsAfter("    name: SqlServerSvc", "    name: \"" + name + "\"")))
                .containsExactly("accounts.sqlService.name");
    }

    @Test
    void aGroupManagedServiceAccountNameIsAccepted() {
        assertThat(problemsAfter("    name: SqlServerSvc", "    name: gmsa-sql$")).isEmpty();
    }

    @Test
    void aServiceNameCannotHoldASlash() {
        assertThat(problemsAfter("  serviceName: Cisco", "  serviceName: Cisco/ECE")).containsExactly(new EstateProblem(
                "ece.serviceName", lineOf("  serviceName: Cisco"), "'Cisco/ECE': a Windows service name cannot contain / or \\"));
    }

    @Test
    void aDirectoryHasAtMost248Characters() {
        String line = "  sqlBackups: 'F:\\MSSQL\\Backups'";
        assertThat(problemsAfter(line, "  sqlBackups: 'F:\\" + "b".repeat(245) + "'")).isEmpty();
        assertThat(Inventories.paths(problemsAfter(line, "  sqlBackups: 'F:\\" + "b".repeat(246) + "'")))
                .containsExactly("paths.sqlBackups");
    }

    @Test
    void theSqlConnectionsDomainIsANetbiosDomainName() {
        assertThat(Inventories.paths(problemsAfter("    domain: MASSIVE", "    domain: MASSIVEDYNAMICCOM")))
                .containsExactly("sqlServer.connection.domain");
    }

    @Test
    void theSampleHasNoTextProblem() {
        assertThat(Inventories.problemsOf(dir, massiveDynamic())).isEmpty();
    }

    @Test
    void aProblemNeverSpansTwoLines() {
        EstateProblem problem = new EstateProblem("a\nb", 3, "x\r\ny\u2028z\u0085");
        assertThat(problem.path()).isEqualTo("a\\u000Ab");
        assertThat(problem.message()).isEqualTo("x\\u000D\\u000Ay\\u2028z\\u0085");
        assertThat(problem.toString()).isEqualTo("a\\u000Ab (line 3): x\\u000D\\u000Ay\\u2028z\\u0085");
    }
}
