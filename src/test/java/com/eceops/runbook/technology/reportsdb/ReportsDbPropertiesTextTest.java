package com.eceops.runbook.technology.reportsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** post-7's properties text: Java escaping, hostile values, secrets never rendered, unrelated lines kept. */
class ReportsDbPropertiesTextTest {

    private static final String SHIPPED = "# ReportsDB utility\r\nECE_HOME_DIR=C:\\\\ECE\r\nREPORTS_DB_SERVER_NAME=\r\n"
            + "SSIS_USER_PASSWORD=\r\nLOG_LEVEL=INFO\r\n";

    @Test
    void theDfsPathIsFullyEscapedAndALocalPathHasItsBackslashDoubled() {
        assertThat(ReportsDbPropertiesText.escapeValue("\\\\massivedynamic.com\\ECE_Root\\ECE"))
                .isEqualTo("\\\\\\\\massivedynamic.com\\\\ECE_Root\\\\ECE");
        assertThat(ReportsDbPropertiesText.escapeValue("E:\\ssis_data")).isEqualTo("E:\\\\ssis_data");
        assertThat(ReportsDbPropertiesText.escapeValue("MASSIVE\\SqlServerSvc")).isEqualTo("MASSIVE\\\\SqlServerSvc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=b:c#d!e", " leading space", "line\nSSIS_USER_PASSWORD=stolen", "tab\there\rand\fform",
            "ends with a backslash\\", "\\u0041 is not an escape", "Grüße € 日本", "trailing space ", "\u0000nul"})
    void anyValueReadsBackAsItselfOnItsOwnLine(String hostile) {
        String text = ReportsDbPropertiesText.withValues(SHIPPED, Map.of("REPORTS_DB_SERVER_NAME", hostile));
        assertThat(ReportsDbPropertiesText.parse(text)).containsEntry("REPORTS_DB_SERVER_NAME", hostile)
                .containsEntry("SSIS_USER_PASSWORD", "").containsEntry("LOG_LEVEL", "INFO");
        assertThat(text.split("\r\n")).hasSize(5);
        assertThat(text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e || c == '\r' || c == '\n')).isTrue();
    }

    @Test
    void documentedKeysAreSetInPlaceAndOtherLinesAreKept() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ECE_HOME_DIR", "\\\\massivedynamic.com\\ECE_Root\\ECE");
        values.put("REPORTS_DB_SERVER_NAME", "CC2K125ECEAB.massivedynamic.com");
        values.put("REPORTS_DB_LST_PORT", "1433");
        values.put("MAST_DB_NAME", "eGMasterDB");
        values.put("SSIS_USER_PASSWORD", "");
        String text = ReportsDbPropertiesText.withValues(SHIPPED, values);
        assertThat(text).isEqualTo("# ReportsDB utility\r\nECE_HOME_DIR=\\\\\\\\massivedynamic.com\\\\ECE_Root\\\\ECE\r\n"
                + "REPORTS_DB_SERVER_NAME=CC2K125ECEAB.massivedynamic.com\r\nSSIS_USER_PASSWORD=\r\nLOG_LEVEL=INFO\r\n"
                + "REPORTS_DB_LST_PORT=1433\r\n");
        assertThat(ReportsDbPropertiesText.withValues(text, values)).isEqualTo(text);
    }

    @Test
    void aSecretKeyIsAlwaysRenderedEmptyWhateverValueItIsGiven() {
        String text = ReportsDbPropertiesText.withValues(SHIPPED, Map.of("SSIS_USER_PASSWORD", "Pa55word!",
                "SSIS_CATALOG_PASSWORD", "Catalog#1"));
        assertThat(text).doesNotContain("Pa55word").doesNotContain("Catalog").contains("SSIS_USER_PASSWORD=\r\n")
                .contains("SSIS_CATALOG_PASSWORD=\r\n");
    }

    @Test
    void aDuplicateOrContinuedEntryCannotOutliveTheNewValue() {
        String existing = "REPORTS_DB_NAME=old\nREPORTS_DB_NAME = stale \\\n    continued\nOTHER=1\n";
        String text = ReportsDbPropertiesText.withValues(existing, Map.of("REPORTS_DB_NAME", "eGReportsDB"));
        assertThat(text).isEqualTo("REPORTS_DB_NAME=eGReportsDB\nOTHER=1\n");
        assertThat(ReportsDbPropertiesText.parse(text)).containsOnly(entry("REPORTS_DB_NAME", "eGReportsDB"), entry("OTHER", "1"));
    }

    @Test
    void readBackShowsOnlyWhetherASecretIsSet() {
        String onServer = "SSIS_USER_PASSWORD=Pa55word\\\\!\r\nSSIS_CATALOG_PASSWORD=\r\n  SSIS_USER_ID : MASSIVE\\\\SqlServerSvc\r\n";
        String masked = ReportsDbPropertiesText.masked(onServer, Set.of("SSIS_USER_PASSWORD", "SSIS_CATALOG_PASSWORD"));
        assertThat(masked).doesNotContain("Pa55word").isEqualTo(
                "SSIS_USER_PASSWORD=******\r\nSSIS_CATALOG_PASSWORD=\r\n  SSIS_USER_ID : MASSIVE\\\\SqlServerSvc\r\n");
        assertThat(ReportsDbPropertiesText.parse(masked)).containsEntry("SSIS_USER_ID", "MASSIVE\\SqlServerSvc");
    }

    @Test
    void theOptionalMasterDatabaseLineIsSetOnlyWhenTheFileHasIt() {
        assertThat(ReportsDbPropertiesText.withValues("A=1\n", Map.of("MAST_DB_NAME", "eGMasterDB"))).isEqualTo("A=1\n");
        assertThat(ReportsDbPropertiesText.withValues("MAST_DB_NAME=\n", Map.of("MAST_DB_NAME", "eGMasterDB")))
                .isEqualTo("MAST_DB_NAME=eGMasterDB\n");
        assertThat(List.of(ReportsDbPropertiesText.withValues("", Map.of("A", "1")))).containsExactly("A=1\n");
    }
}
