package com.eceops.runbook.procedure.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.technology.ece.LoginPage;

/** The pure parts of the patch steps: key file diff and merge check, step duration averages, login page verdicts. */
class PatchTextTest {

    private static final String SITE = "https://ece.massivedynamic.com";

    private static final String BACKUP = "var web_server_protocol = \"https\";\nvar web_server_name = \"ece.massivedynamic.com\";\n";
    private static final String PATCHED = "var web_server_protocol = \"http\";\nvar web_server_name = \"CC2K125ECEWA\";\n"
            + "var chat_patch_level = \"ES5\";\n";
    private static final String XML = "<gadget>https://ece.massivedynamic.com/ece/finesse/gadget/agent/agent.xml</gadget>\n";

    @Test
    void theDiffShowsWhatThePatchResetAndWhatItBrought() {
        assertThat(KeyFileMerge.diff("ece_config.js", BACKUP, PATCHED))
                .contains("- var web_server_protocol = \"https\";").contains("+ var web_server_protocol = \"http\";")
                .contains("+ var chat_patch_level = \"ES5\";");
        assertThat(KeyFileMerge.patchLines(BACKUP, PATCHED)).containsExactly("var chat_patch_level = \"ES5\";");
    }

    @Test
    void aMergeKeepsTheSettingsAndThePatchsLinesAndACopiedBackupDoesNot() {
        Set<String> patchLines = KeyFileMerge.patchLines(BACKUP, PATCHED);
        String merged = "var web_server_protocol = \"https\";\nvar web_server_name = \"ece.massivedynamic.com\";\n"
                + "var chat_patch_level = \"ES5\";\n";
        assertThat(KeyFileMerge.problems(merged, XML, null, "ece.massivedynamic.com", SITE, patchLines)).isEmpty();
        assertThat(KeyFileMerge.problems(BACKUP, XML, null, "ece.massivedynamic.com", SITE, patchLines)).singleElement()
                .satisfies(p -> assertThat(p).contains("chat_patch_level").contains("never copy the backup"));
        assertThat(KeyFileMerge.problems(PATCHED, XML.replace("https", "http"), null, "ece.massivedynamic.com", SITE, patchLines))
                .hasSize(3);
    }

    @Test
    void onAPcceWebServerSpogConfigMustNameEceAndKeepThePatchsLines() {
        String spog = "var web_server_name = \"ece.massivedynamic.com\";\nvar spog_patch = \"ES5\";";
        Set<String> patchLines = Set.of("var spog_patch = \"ES5\";");
        String merged = BACKUP;
        assertThat(KeyFileMerge.problems(merged, XML, spog, "ece.massivedynamic.com", SITE, patchLines)).isEmpty();
        assertThat(KeyFileMerge.problems(merged, XML, spog.replace("ece.massivedynamic.com", "web-a.massivedynamic.com"),
                "ece.massivedynamic.com", SITE, patchLines)).singleElement().asString()
                .isEqualTo("web_server_name in spog_config.js is \"web-a.massivedynamic.com\", not \"ece.massivedynamic.com\"");
        assertThat(KeyFileMerge.problems(merged, XML, "var web_server_name = \"ece.massivedynamic.com\";",
                "ece.massivedynamic.com", SITE, patchLines)).singleElement().asString().contains("spog_patch");
    }

    @Test
    void earlierRunsAreAveragedOverEveryRecordedFigure() {
        assertThat(PatchStepDurations.average(List.of("600,540", "660"))).contains(Duration.ofSeconds(600));
        assertThat(PatchStepDurations.average(List.of("1,2"))).contains(Duration.ofSeconds(2));
        assertThat(PatchStepDurations.average(List.of())).isEmpty();
    }

    @Test
    void onlyEcesLoginPageWithStatus200Passes() {
        assertThat(ValidationDelegates.CheckLoginPagesDelegate.problem(new LoginPage("u", 200,
                "<html><title>Enterprise Chat and Email</title><form id=\"login\"></form></html>"))).isNull();
        assertThat(ValidationDelegates.CheckLoginPagesDelegate.problem(new LoginPage("u", 503, "<html>Service Unavailable</html>")))
                .contains("service-down page");
        assertThat(ValidationDelegates.CheckLoginPagesDelegate.problem(new LoginPage("u", 200, "<html>Service Unavailable</html>")))
                .contains("service-down page");
        assertThat(ValidationDelegates.CheckLoginPagesDelegate.problem(new LoginPage("u", 200, "<html>It works!</html>")))
                .contains("not ECE's login page");
        assertThat(ValidationDelegates.CheckLoginPagesDelegate.problem(new LoginPage("u", 404, "")))
                .isEqualTo("HTTP 404");
    }

    @Test
    void thePatchLevelIsTheEsOrEtLevelInTheFileNameUnlessGiven() {
        assertThat(PatchRequestCheck.patchLevelOf(null, "\\\\fs\\patches\\ECE_12.5_ES5.zip")).isEqualTo("ES5");
        assertThat(PatchRequestCheck.patchLevelOf(null, "\\\\fs\\patches\\ES12.zip")).isEqualTo("ES12");
        assertThat(PatchRequestCheck.patchLevelOf(null, "\\\\fs\\patches\\ece1250_et3_hotfix.zip")).isEqualTo("ET3");
        assertThat(PatchRequestCheck.patchLevelOf(null, "\\\\fs\\patches\\hotfix.zip")).isNull();
        assertThat(PatchRequestCheck.patchLevelOf("ES5", "\\\\fs\\patches\\ECE_12.5_ES5.zip")).isEqualTo("ES5");
    }

    @Test
    void onASiteOnAnotherPortTheGadgetUrlMustNameThePort() {
        Set<String> none = Set.of();
        String merged = "var web_server_protocol = \"https\";\nvar web_server_name = \"ece.massivedynamic.com\";\n";
        String onPort = "<gadget>https://ece.massivedynamic.com:8443/ece/finesse/gadget/agent/agent.xml</gadget>\n";
        assertThat(KeyFileMerge.problems(merged, onPort, null, "ece.massivedynamic.com", SITE + ":8443", none)).isEmpty();
        assertThat(KeyFileMerge.problems(merged, XML, null, "ece.massivedynamic.com", SITE + ":8443", none)).singleElement()
                .asString().contains("not on https://ece.massivedynamic.com:8443/");
    }
}
