package com.eceops.runbook.procedure.finalnotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.eceops.runbook.technology.web.ServedCertificate;

/** final-1's verdict: validity against the clock of the handshake, names as browsers match them, trust, and the warning. */
class CertificateCheckTest {

    private static final String ECE = "ece.massivedynamic.com";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static ServedCertificate served(List<String> names, Duration validFor, boolean trusted) {
        return new ServedCertificate(ECE, names, NOW.minus(Duration.ofDays(10)), NOW.plus(validFor), "CN=MASSIVE Issuing CA",
                trusted, trusted ? null : "PKIX path building failed", NOW);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
        "ece.massivedynamic.com, ece.massivedynamic.com, true",
        "ECE.MassiveDynamic.com., ece.massivedynamic.com, true",
        "*.massivedynamic.com, ece.massivedynamic.com, true",
        "*.massivedynamic.com, massivedynamic.com, false",
        "*.massivedynamic.com, a.ece.massivedynamic.com, false",
        "ec*.massivedynamic.com, ece.massivedynamic.com, false",
        "*.com, massivedynamic.com, false",
        "*.*.com, ece.massivedynamic.com, false",
        "www.massivedynamic.com, ece.massivedynamic.com, false"})
    void namesCoverTheHostAsBrowsersDecide(String name, String host, boolean covers) {
        assertThat(CertificateNames.covers(name, host)).isEqualTo(covers);
    }

    @Test
    void aTrustedCertificateForTheEceNameValidForAYearPassesWithoutWarning() {
        CertificateCheck check = CertificateCheck.of(served(List.of(ECE), Duration.ofDays(365), true), ECE, 30);
        assertThat(check.passed()).isTrue();
        assertThat(check.warning()).isNull();
        assertThat(check.daysLeft()).isEqualTo(365);
    }

    @Test
    void aWildcardCertificateThatExpiresWithinTheWarningDaysPassesWithAWarning() {
        CertificateCheck check = CertificateCheck.of(served(List.of("*.massivedynamic.com"), Duration.ofDays(12), true), ECE, 30);
        assertThat(check.passed()).isTrue();
        assertThat(check.warning()).contains("expires in 12 days", "30 days");
    }

    @Test
    void anExpiredCertificateFails() {
        CertificateCheck check = CertificateCheck.of(served(List.of(ECE), Duration.ofDays(-2), true), ECE, 30);
        assertThat(check.problems()).singleElement().asString().contains("expired on " + NOW.minus(Duration.ofDays(2)));
        assertThat(check.warning()).isNull();
    }

    @Test
    void aCertificateNotYetValidFails() {
        ServedCertificate future = new ServedCertificate(ECE, List.of(ECE), NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400)),
                "CN=CA", true, null, NOW);
        assertThat(CertificateCheck.of(future, ECE, 30).problems()).singleElement().asString().contains("not valid before");
    }

    @Test
    void aCertificateForAnotherNameOrWithoutSubjectAlternativeNamesFails() {
        assertThat(CertificateCheck.of(served(List.of("CC2K125ECEWA.massivedynamic.com"), Duration.ofDays(90), true), ECE, 30).problems())
                .singleElement().asString().contains("do not cover " + ECE);
        assertThat(CertificateCheck.of(served(List.of(), Duration.ofDays(90), true), ECE, 30).problems())
                .singleElement().asString().contains("no subject alternative names");
    }

    @Test
    void anUntrustedChainFailsWithTheReasonAndEveryOtherProblemIsListedToo() {
        CertificateCheck check = CertificateCheck.of(served(List.of("other.example.com"), Duration.ofDays(-1), false), ECE, 30);
        assertThat(check.passed()).isFalse();
        assertThat(check.problems()).hasSize(3);
        assertThat(check.problems().get(2)).contains("not trusted", "PKIX path building failed", "CN=MASSIVE Issuing CA");
    }
}
