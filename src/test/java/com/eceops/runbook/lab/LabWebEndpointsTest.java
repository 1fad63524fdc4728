package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.B;
import static com.eceops.runbook.lab.LabFixtures.WEB_A;
import static com.eceops.runbook.lab.LabFixtures.WEB_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eceops.runbook.ece.EceComponent;
import com.eceops.runbook.ece.LoginPage;
import com.eceops.runbook.ece.SetupRun;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.web.HttpAnswer;

/**
 * The ECE URL in the lab: no handshake until a certificate is bound, a default pool dealing round robin without a
 * cookie, cookie insert that keeps a session on its web server, and a status-only health check that lets a web
 * server's "Service Unavailable" page through where a content check takes that server out.
 */
class LabWebEndpointsTest {

    private static final String ECE = "ece.massivedynamic.com";
    private static final String LOGIN = "https://" + ECE + "/ece/default/";

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);
    RehearsalLab lab;

    @BeforeEach
    void eceRunsOnBothSides() {
        lab = LabFixtures.lab(dataDir, clock, LabScenario.defaults());
        new LabProcedure(lab).directories();
        for (String[] side : List.of(new String[] {A, WEB_A}, new String[] {B, WEB_B})) {
            lab.ece().recordSetupRun(side[0], new SetupRun(Set.of(EceComponent.MESSAGING_SERVER, EceComponent.APPLICATION_SERVER,
                    EceComponent.SERVICES_SERVER), Map.of(SetupRun.ECE_HOME, "E:\\ECE")));
            lab.ece().recordSetupRun(side[1], new SetupRun(Set.of(EceComponent.WEB_SERVER), Map.of(SetupRun.ECE_HOME, "C:\\ECE")));
            lab.windows().startService(side[0], "Cisco");
        }
        clock.advance(Duration.ofMinutes(15));
    }

    private void bindTrusted() {
        lab.finalNotesPersons().bindCertificate(new LabCertificate(ECE, List.of(ECE), clock.now().minus(Duration.ofDays(1)),
                clock.now().plus(Duration.ofDays(365)), "CN=MASSIVE Issuing CA", true));
    }

    @Test
    void thereIsNoHandshakeUntilACertificateIsBoundThenItIsReadOnTheLabsClock() {
        assertThatThrownBy(() -> lab.web().readServedCertificate(ECE, 443)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("no certificate is bound");
        bindTrusted();
        int ledger = lab.ledger().size();
        bindTrusted();

        var served = lab.web().readServedCertificate(ECE, 443);
        assertThat(served.dnsNames()).containsExactly(ECE);
        assertThat(served.chainTrusted()).isTrue();
        assertThat(served.checkedAt()).isEqualTo(clock.now());
        assertThat(lab.ledger()).hasSize(ledger);
        assertThatThrownBy(() -> lab.web().readServedCertificate("other.massivedynamic.com", 443))
                .isInstanceOf(OperationFailedException.class);
        assertThatThrownBy(() -> lab.web().get("http://" + ECE + "/ece/default/", Map.of()))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("port 80");
    }

    @Test
    void anUntrustedCertificateRefusesGetsAsABrowserWould() {
        lab.finalNotesPersons().bindCertificate(new LabCertificate(ECE, List.of(ECE), clock.now(), clock.now().plus(Duration.ofDays(30)),
                "CN=" + ECE, false));
        assertThat(lab.web().readServedCertificate(ECE, 443).trustProblem()).contains("PKIX");
        assertThatThrownBy(() -> lab.web().get(LOGIN, Map.of())).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("PKIX");
    }

    @Test
    void theDefaultPoolDealsRoundRobinWithoutACookieAndCookieInsertKeepsTheSession() {
        bindTrusted();
        HttpAnswer first = lab.web().get(LOGIN, Map.of());
        assertThat(first.setCookies()).isEmpty();
        assertThat(new LoginPage(LOGIN, first.status(), first.body()).showsLogin()).isTrue();

        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A, WEB_B), true, true);
        Set<String> backends = new HashSet<>();
        for (int session = 0; session < 4; session++) {
            HttpAnswer fresh = lab.web().get(LOGIN, Map.of());
            String backend = fresh.setCookies().get(LabWebEndpoints.COOKIE);
            backends.add(backend);
            for (int request = 0; request < 3; request++) {
                HttpAnswer again = lab.web().get(LOGIN, fresh.setCookies());
                assertThat(again.setCookies()).isEmpty();
                assertThat(again.status()).isEqualTo(200);
            }
        }
        assertThat(backends).containsExactlyInAnyOrder(WEB_A, WEB_B);
    }

    @Test
    void aStatusOnlyHealthCheckLetsTheServiceUnavailablePageThroughAndAContentCheckTakesThatServerOut() {
        bindTrusted();
        lab.windows().stopService(B, "Cisco");
        clock.advance(Duration.ofMinutes(15));
        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A, WEB_B), true, false);
        Set<String> pages = new HashSet<>();
        for (int session = 0; session < 4; session++) {
            HttpAnswer answer = lab.web().get(LOGIN, Map.of());
            assertThat(answer.status()).isEqualTo(200);
            pages.add(new LoginPage(LOGIN, answer.status(), answer.body()).showsLogin() + " " + answer.setCookies());
        }
        assertThat(pages).contains("false {" + LabWebEndpoints.COOKIE + "=" + WEB_B + "}");

        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A, WEB_B), true, true);
        for (int session = 0; session < 4; session++) {
            HttpAnswer answer = lab.web().get(LOGIN, Map.of());
            assertThat(answer.setCookies()).containsEntry(LabWebEndpoints.COOKIE, WEB_A);
            assertThat(new LoginPage(LOGIN, answer.status(), answer.body()).showsLogin()).isTrue();
        }

        lab.windows().stopService(A, "Cisco");
        clock.advance(Duration.ofMinutes(15));
        HttpAnswer none = lab.web().get(LOGIN, Map.of());
        assertThat(none.status()).isEqualTo(503);
        assertThat(new LoginPage(LOGIN, none.status(), none.body()).describe()).contains("503", "Service Unavailable");
    }

    @Test
    void theCertificateAndTheLoadBalancerSurviveAReloadOfTheLab() {
        bindTrusted();
        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A), true, true);
        lab.finalNotesPersons().setPartitionUrl("https://" + ECE);

        RehearsalLab reloaded = LabFixtures.labs(dataDir, clock).find("run-1").orElseThrow();

        assertThat(reloaded.web().readServedCertificate(ECE, 443)).usingRecursiveComparison().ignoringFields("checkedAt")
                .isEqualTo(lab.web().readServedCertificate(ECE, 443));
        assertThat(reloaded.web().get(LOGIN, Map.of()).setCookies()).containsEntry(LabWebEndpoints.COOKIE, WEB_A);
        assertThat(reloaded.ledger()).isEqualTo(lab.ledger());
    }
}
