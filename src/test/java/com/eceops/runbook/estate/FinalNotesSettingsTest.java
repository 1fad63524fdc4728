package com.eceops.runbook.estate;

import static com.eceops.runbook.estate.Inventories.massiveDynamicWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The inventory's final-notes settings under {@code ece}: what the sample says, the defaults, and each rule. */
class FinalNotesSettingsTest {

    private static final String SETTINGS = "  privateCaMailServers: false  # final-3: no on-premises mail server signed by a private CA (optional, default true)\n"
            + "  singleSignOn: true           # final-4: Cisco IDS certificates into the shared keystore (optional, default true)\n"
            + "  certificateWarningDays: 30   # final-1 warns this many days before the ECE certificate expires (optional, default 30)\n";

    @TempDir
    Path dir;

    private Ece eceOf(String yaml) {
        return Inventories.repositoryWith(dir, "massivedynamic", yaml).load("massivedynamic").ece();
    }

    private List<EstateProblem> problemsAfter(String original, String replacement) {
        return Inventories.problemsOf(dir, massiveDynamicWith(original, replacement));
    }

    @Test
    void theSampleHasNoPrivateCaMailServersButSsoAndWarns30DaysAhead() {
        Ece ece = eceOf(Inventories.massiveDynamic());
        assertThat(ece.privateCaMailServers()).isFalse();
        assertThat(ece.singleSignOn()).isTrue();
        assertThat(ece.certificateWarningDays()).isEqualTo(30);
    }

    @Test
    void withoutTheSettingsBothKeystoreItemsApplyAndTheWarningComes30DaysAhead() {
        Ece ece = eceOf(massiveDynamicWith(SETTINGS, ""));
        assertThat(ece.privateCaMailServers()).isTrue();
        assertThat(ece.singleSignOn()).isTrue();
        assertThat(ece.certificateWarningDays()).isEqualTo(Ece.DEFAULT_CERTIFICATE_WARNING_DAYS);
    }

    @Test
    void aWarningOf90DaysIsKept() {
        assertThat(eceOf(massiveDynamicWith("certificateWarningDays: 30", "certificateWarningDays: 90")).certificateWarningDays())
                .isEqualTo(90);
    }

    @ParameterizedTest(name = "certificateWarningDays: {0} is reported")
    @ValueSource(strings = {"0", "366", "-5"})
    void theWarningComes1To365DaysAhead(String days) {
        List<EstateProblem> problems = problemsAfter("certificateWarningDays: 30", "certificateWarningDays: " + days);
        assertThat(Inventories.paths(problems)).containsExactly("ece.certificateWarningDays");
        assertThat(problems.get(0).message()).contains("1 to 365 days", days);
        assertThat(problems.get(0).line()).isPositive();
    }

    @Test
    void theWarningDaysAreANumber() {
        assertThat(Inventories.paths(problemsAfter("certificateWarningDays: 30", "certificateWarningDays: soon")))
                .containsExactly("ece.certificateWarningDays");
    }

    @ParameterizedTest(name = "{0}: yes is reported")
    @ValueSource(strings = {"privateCaMailServers: false", "singleSignOn: true"})
    void theKeystoreItemsAreTrueOrFalse(String setting) {
        String key = setting.substring(0, setting.indexOf(':'));
        assertThat(Inventories.paths(problemsAfter(setting, key + ": yes"))).containsExactly("ece." + key);
    }

    @Test
    void theSampleNamesTwoAdminWorkstationsNoPersistenceCookieAndTheDefaultLoginMarkers() {
        Estate estate = Inventories.repositoryWith(dir, "massivedynamic", Inventories.massiveDynamic()).load("massivedynamic");
        assertThat(estate.ece().adminWorkstations()).containsExactly("CC2K125AWA", "CC2K125AWB");
        assertThat(estate.loadBalancer().persistenceCookie()).isNull();
        assertThat(estate.ece().loginMarkers()).isEqualTo(LoginMarkers.DEFAULT);
        assertThat(LoginMarkers.DEFAULT.formMarkers()).contains("<form", "type=\"password\"");
    }

    @Test
    void withoutAdminWorkstationsNoneIsNamed() {
        Ece ece = eceOf(massiveDynamicWith("    - CC2K125AWA\n    - CC2K125AWB\n", "").replace("  adminWorkstations: ", "  # adminWorkstations: "));
        assertThat(ece.adminWorkstations()).isEmpty();
    }

    @Test
    void anEmptyAdminWorkstationNameIsReportedWithItsPath() {
        assertThat(Inventories.paths(problemsAfter("    - CC2K125AWB", "    - ''"))).containsExactly("ece.adminWorkstations[1]");
    }

    @Test
    void aPersistenceCookieIsKeptAndOneThatIsNoCookieNameIsReported() {
        String vip = "  virtualIp: 14.10.162.96\n";
        Estate estate = Inventories.repositoryWith(dir, "massivedynamic", massiveDynamicWith(vip, vip + "  persistenceCookie: BIGipServerECE_pool\n"))
                .load("massivedynamic");
        assertThat(estate.loadBalancer().persistenceCookie()).isEqualTo("BIGipServerECE_pool");

        List<EstateProblem> problems = problemsAfter(vip, vip + "  persistenceCookie: 'ECE pool;'\n");
        assertThat(Inventories.paths(problems)).containsExactly("loadBalancer.persistenceCookie");
        assertThat(problems.get(0).message()).contains("not a cookie name");
    }

    @Test
    void loginMarkersGivenReplaceTheDefaultsAndAnEmptyFormListIsReported() {
        String at = "  certificateWarningDays: 30";
        Ece ece = eceOf(massiveDynamicWith(at, at + "\n  loginPage:\n    formMarkers: ['<form id=\"loginForm\"']\n"));
        assertThat(ece.loginMarkers().formMarkers()).containsExactly("<form id=\"loginForm\"");
        assertThat(ece.loginMarkers().errorMarkers()).isEqualTo(LoginMarkers.DEFAULT.errorMarkers());

        assertThat(Inventories.paths(problemsAfter(at, at + "\n  loginPage:\n    formMarkers: []\n")))
                .containsExactly("ece.loginPage.formMarkers");
        assertThat(Inventories.paths(problemsAfter(at, at + "\n  loginPage:\n    errorMarkers: ['']\n")))
                .containsExactly("ece.loginPage.errorMarkers[0]");
        assertThat(Inventories.paths(problemsAfter(at, at + "\n  loginPage:\n    markers: ['x']\n")))
                .containsExactly("ece.loginPage.markers");
    }
}
