package com.eceops.runbook.estate;

import static com.eceops.runbook.estate.Inventories.massiveDynamicWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the loader rejects while reading values one at a time: the shape and types of the file. */
class InventoryFormatTest {

    @TempDir
    Path dir;

    List<EstateProblem> problemsAfter(String original, String replacement) {
        return Inventories.problemsOf(dir, massiveDynamicWith(original, replacement));
    }

    @Test
    void anUnknownKeyIsReportedWithItsPathAndLine() {
        List<EstateProblem> problems = problemsAfter("  netbios: MASSIVE", "  netbios: MASSIVE\n  netbiosName: MASSIVE");
        assertThat(problems).containsExactly(new EstateProblem("domain.netbiosName", 11,
                "unknown key 'netbiosName'; expected one of fqdn, netbios, organizationalUnit, managementHost, domainAdmin, managementConnection"));
    }

    @Test
    void aMisspeltKeyInsideAListItemIsReportedWithItsIndex() {
        assertThat(Inventories.paths(problemsAfter("start: \"22:00\"", "begin: \"22:00\"")))
                .containsExactly("patchWindows[0].start", "patchWindows[0].begin");
    }

    @Test
    void aKeyWrittenTwiceIsReported() {
        List<EstateProblem> problems = problemsAfter("  netbios: MASSIVE", "  netbios: MASSIVE\n  netbios: MASSIVE2");
        assertThat(problems).extracting(EstateProblem::path, EstateProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("domain.netbios", 11));
    }

    static Stream<Arguments> requiredKeys() {
        return Stream.of(
                arguments("  organizationalUnit: OU=ECE Cluster,DC=massivedynamic,DC=com\n", "domain.organizationalUnit"),
                arguments("      sqlInstance: MSSQLSERVER\n    web:                   # VM-2A\n",
                        "sides.a.collocated.sqlInstance"),
                arguments("  endpointPort: 5022\n", "availabilityGroup.endpointPort"),
                arguments("live: false\n", "live"));
    }

    @ParameterizedTest(name = "removing {1} is reported")
    @MethodSource("requiredKeys")
    void aMissingRequiredKeyIsReported(String lines, String path) {
        String kept = lines.startsWith("      sqlInstance") ? "    web:                   # VM-2A\n" : "";
        assertThat(Inventories.paths(problemsAfter(lines, kept))).containsExactly(path);
    }

    @ParameterizedTest(name = "''{0}'' instead of ''{1}'' reports {2}")
    @CsvSource(delimiter = '|', value = {
        "port: 5986 | port: many | connections.port",
        "jettyPort: 9001 | jettyPort: \"9001\" | ece.jettyPort",
        "stagingQuotaMb: 4096 | stagingQuotaMb: [4096] | dfs.stagingQuotaMb",
        "protocol: winrm-https | protocol: rdp | connections.protocol",
        "letter: E, | letter: EE, | drives.collocated[1].letter",
        "subnet: 14.10.172.0/24 | subnet: 14.10.172.1/24 | sides.b.subnet"})
    void aValueOfTheWrongTypeIsReported(String original, String replacement, String path) {
        assertThat(Inventories.paths(problemsAfter(original, replacement))).containsExactly(path);
    }

    @ParameterizedTest(name = "live: {0} is rejected")
    @CsvSource({"maybe", "yes", "'\"false\"'"})
    void liveMustBeTrueOrFalse(String value) {
        assertThat(Inventories.paths(problemsAfter("live: false", "live: " + value))).containsExactly("live");
    }

    @Test
    void aCredentialReferenceMustBeLowerCaseLettersDigitsAndDashes() {
        assertThat(Inventories.paths(problemsAfter("credential: sql-service", "credential: SQL_Service")))
                .containsExactly("accounts.sqlService.credential");
    }

    @ParameterizedTest(name = "{0} reports {2}")
    @CsvSource(delimiter = '|', value = {
        "zone: Europe/Berlin | zone: Europe/Berln | patchWindows[0].zone",
        "day: SATURDAY | day: SATERDAY | patchWindows[0].day",
        "start: \"22:00\" | start: \"25:00\" | patchWindows[0].start",
        "start: \"22:00\" | start: \"10pm\" | patchWindows[0].start",
        "hours: 4 | hours: 0 | patchWindows[0].hours",
        "hours: 4 | hours: 25 | patchWindows[0].hours"})
    void aPatchWindowNeedsAZoneADayAStartAndOneTo24Hours(String original, String replacement, String path) {
        assertThat(Inventories.paths(problemsAfter(original, replacement))).containsExactly(path);
    }

    @Test
    void aClusterHasExactlyOneAddressPerSide() {
        assertThat(Inventories.paths(problemsAfter("    a: 14.10.162.170", "    a: [14.10.162.170, 14.10.162.175]")))
                .containsExactly("cluster.ips.a");
        assertThat(Inventories.paths(problemsAfter("    b: 14.10.172.170\n", "\n"))).containsExactly("cluster.ips.b");
    }

    @Test
    void malformedYamlIsOneProblemWithItsLine() {
        List<EstateProblem> problems = problemsAfter("  fqdn: massivedynamic.com", "  fqdn: [massivedynamic.com");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEmpty();
        assertThat(problems.get(0).line()).isBetween(9, 14);
        assertThat(problems.get(0).message()).startsWith("not valid YAML");
    }

    @Test
    void theEstateKeyMustEqualTheFileName() {
        assertThat(problemsAfter("estate: massivedynamic", "estate: massive"))
                .extracting(EstateProblem::path, EstateProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("estate", 4));
    }
}
