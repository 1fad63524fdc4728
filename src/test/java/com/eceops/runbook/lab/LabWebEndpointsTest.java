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

import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.LoginPage;
import com.eceops.runbook.technology.ece.SetupRun;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.web.HttpAnswer;

/**
 * ECE's web side in the lab: each web server at its own address with the certificate bound on it; the ECE FQDN
 * answering nothing until the load balancer is configured; the partition URL redirecting to the login page; cookie
 * insert that keeps a session on its web server; one active web server; a status-only health check that lets a web
 * server's "Service Unavailable" page through where a content check takes that server out.
 */
class LabWebEndpointsTest {

    private static final String ECE = "ece.massivedynamic.com";
    private static final String PARTITION = "https://" + ECE + "/default";
    private static final String IP_A = "14.10.162.169";
    private static final String IP_B = "14.10.172.169";
    private static final String COOKIE = "BIGipServerECE";

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

    private LabCertificate trusted() {
        return new LabCertificate(ECE, List.of(ECE), clock.now().minus(Duration.ofDays(1)),
                clock.now().plus(Duration.ofDays(365)), "CN=MASSIVE Issuing CA", true);
    }

    private static boolean login(HttpAnswer answer) {
        return new LoginPage(answer.url(), answer.status(), answer.body()).showsLogin();
    }

    @Test
    void eachWebServerServesItsOwnBoundCertificateOnTheLabsClock() {
        assertThatThrownBy(() -> lab.web().readServedCertificate(IP_A, 443, ECE)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("no certificate is bound").hasMessageContaining(WEB_A);
        lab.finalNotesPersons().bindCertificate(WEB_A, trusted());
        int ledger = lab.ledger().size();
        lab.finalNotesPersons().bindCertificate(WEB_A, trusted());

        var served = lab.web().readServedCertificate(IP_A, 443, ECE);
        assertThat(served.dnsNames()).containsExactly(ECE);
        assertThat(served.chainTrusted()).isTrue();
        assertThat(served.checkedAt()).isEqualTo(clock.now());
        assertThat(served.sha256()).hasSize(64);
        assertThat(lab.ledger()).hasSize(ledger);
        assertThatThrownBy(() -> lab.web().readServedCertificate(IP_B, 443, ECE)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining(WEB_B);
        assertThatThrownBy(() -> lab.web().readServedCertificate("14.10.162.1", 443, ECE)).isInstanceOf(OperationFailedException.class);
        assertThatThrownBy(() -> lab.web().getFrom(IP_A, "http://" + ECE + "/default", Map.of()))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("port 80");
    }

    @Test
    void theEceFqdnAnswersNothingUntilTheLoadBalancerIsConfiguredWhileTheWebServersAnswerDirectly() {
        lab.finalNotesPersons().bindCertificate(trusted());
        assertThatThrownBy(() -> lab.web().get(PARTITION, Map.of())).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("answers nothing until the load balancer is configured");
        assertThatThrownBy(() -> lab.web().readServedCertificate(ECE, 443, ECE)).isInstanceOf(OperationFailedException.class);

        HttpAnswer direct = lab.web().getFrom(IP_B, PARTITION, Map.of());
        assertThat(login(direct)).isTrue();
        assertThat(direct.url()).isEqualTo("https://" + ECE + "/default" + LabWebEndpoints.LOGIN_PATH);
        assertThat(direct.setCookies()).containsOnlyKeys(LabWebEndpoints.SESSION_COOKIE);

        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A), COOKIE, true);
        assertThat(login(lab.web().get(PARTITION, Map.of()))).isTrue();
        assertThat(lab.web().readServedCertificate(ECE, 443, ECE).chainTrusted()).isTrue();
    }

    @Test
    void thePartitionUrlRedirectsToTheLoginPageAndAnUnknownPathIsNotFound() {
        lab.finalNotesPersons().bindCertificate(trusted());
        HttpAnswer once = lab.web().getFrom(IP_A, "https://" + ECE + "/system/", Map.of());
        assertThat(once.status()).isEqualTo(200);
        assertThat(once.body()).contains("<form", "type=\"password\"", "partition system");
        assertThat(lab.web().getFrom(IP_A, "https://" + ECE + "/default/nothing/here", Map.of()).status()).isEqualTo(404);
        assertThat(lab.web().getFrom(IP_A, "https://" + ECE + "/", Map.of()).body()).contains("IIS Windows Server");
    }

    @Test
    void anUntrustedCertificateRefusesGetsAsABrowserWould() {
        lab.finalNotesPersons().bindCertificate(new LabCertificate(ECE, List.of(ECE), clock.now(), clock.now().plus(Duration.ofDays(30)),
                "CN=" + ECE, false));
        assertThat(lab.web().readServedCertificate(IP_A, 443, ECE).trustProblem()).contains("PKIX");
        assertThatThrownBy(() -> lab.web().getFrom(IP_A, PARTITION, Map.of())).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("PKIX");
    }

    @Test
    void bothServersActiveDealRoundRobinAndCookieInsertKeepsTheSession() {
        lab.finalNotesPersons().bindCertificate(trusted());
        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A, WEB_B), COOKIE, true);
        Set<String> backends = new HashSet<>();
        for (int session = 0; session < 4; session++) {
            HttpAnswer fresh = lab.web().get(PARTITION, Map.of());
            assertThat(fresh.setCookies()).containsKeys(COOKIE, LabWebEndpoints.SESSION_COOKIE);
            backends.add(fresh.setCookies().get(COOKIE));
            for (int request = 0; request < 3; request++) {
                HttpAnswer again = lab.web().get(PARTITION, fresh.setCookies());
                assertThat(again.setCookies()).isEmpty();
                assertThat(login(again)).isTrue();
            }
        }
        assertThat(backends).hasSize(2);

        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A), COOKIE, true);
        backends.clear();
        for (int session = 0; session < 4; session++) {
            backends.add(lab.web().get(PARTITION, Map.of()).setCookies().get(COOKIE));
        }
        assertThat(backends).hasSize(1);

        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A), null, true);
        assertThat(lab.web().get(PARTITION, Map.of()).setCookies()).containsOnlyKeys(LabWebEndpoints.SESSION_COOKIE);
    }

    /**
     * What the wire lab's HTTPS server asks of the lab: one hop at an address (no redirect followed), and the
     * certificate a handshake there gets without dealing a request, so that handshakes at the VIP leave the round
     * robin to the requests.
     */
    @Test
    void oneHopAtAnAddressAndAHandshakeThatLeavesTheRoundRobinAlone() {
        lab.finalNotesPersons().bindCertificate(trusted());
        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A, WEB_B), COOKIE, true);
        String vip = lab.estate().loadBalancer().virtualIp();
        HttpAnswer redirect = onWeb(web -> web.answerAt(IP_A, PARTITION, Map.of()));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).isEqualTo("/default" + LabWebEndpoints.LOGIN_PATH);

        Set<String> backends = new HashSet<>();
        for (int request = 0; request < 4; request++) {
            for (int handshake = 0; handshake < 3; handshake++) {
                assertThat(onWeb(web -> web.certificateAt(vip, 443)).commonName()).isEqualTo(ECE);
            }
            backends.add(onWeb(web -> web.answerAt(vip, "https://" + ECE + "/default" + LabWebEndpoints.LOGIN_PATH, Map.of()))
                    .setCookies().get(COOKIE));
        }
        assertThat(backends).as("the requests alone turn the round robin").hasSize(2);
        assertThatThrownBy(() -> onWeb(web -> web.certificateAt(IP_A, 8443))).hasMessageContaining("listens on https, 443");
    }

    private <T> T onWeb(java.util.function.Function<LabWebEndpoints, T> work) {
        return WireLabHttps.onWeb(lab, work);
    }

    @Test
    void aStatusOnlyHealthCheckLetsTheServiceUnavailablePageThroughAndAContentCheckTakesThatServerOut() {
        lab.finalNotesPersons().bindCertificate(trusted());
        lab.windows().stopService(B, "Cisco");
        clock.advance(Duration.ofMinutes(15));
        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A, WEB_B), COOKIE, false);
        Set<Boolean> pages = new HashSet<>();
        for (int session = 0; session < 4; session++) {
            HttpAnswer answer = lab.web().get(PARTITION, Map.of());
            assertThat(answer.status()).isEqualTo(200);
            pages.add(login(answer));
        }
        assertThat(pages).containsExactlyInAnyOrder(true, false);

        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A, WEB_B), COOKIE, true);
        for (int session = 0; session < 4; session++) {
            assertThat(login(lab.web().get(PARTITION, Map.of()))).isTrue();
        }

        lab.windows().stopService(A, "Cisco");
        clock.advance(Duration.ofMinutes(15));
        HttpAnswer none = lab.web().get(PARTITION, Map.of());
        assertThat(none.status()).isEqualTo(503);
        assertThat(new LoginPage(PARTITION, none.status(), none.body()).describe()).contains("503", "Service Unavailable");
    }

    @Test
    void importedCertificatesLandInARealKeystoreOnceEach() throws Exception {
        String keystore = "E:\\ECEFile\\env\\jdk\\lib\\security\\cacerts";
        lab.finalNotesPersons().importCertificate(A, keystore, "cisco-ids");
        int ledger = lab.ledger().size();
        lab.finalNotesPersons().importCertificate(A, keystore, "cisco-ids");
        assertThat(lab.ledger()).hasSize(ledger);

        java.security.KeyStore store = java.security.KeyStore.getInstance("JKS");
        store.load(new java.io.ByteArrayInputStream(lab.windows().readFileBytes(A, keystore).orElseThrow()), null);
        assertThat(java.util.Collections.list(store.aliases())).containsExactly("cisco-ids");
        assertThat(((java.security.cert.X509Certificate) store.getCertificate("cisco-ids")).getSubjectX500Principal().getName())
                .contains("CN=cisco-ids.massivedynamic.com");
    }

    @Test
    void theCertificatesAndTheLoadBalancerSurviveAReloadOfTheLab() {
        lab.finalNotesPersons().bindCertificate(trusted());
        lab.finalNotesPersons().configureLoadBalancer(List.of(WEB_A), COOKIE, true);
        lab.finalNotesPersons().setPartitionUrl("https://" + ECE);

        RehearsalLab reloaded = LabFixtures.labs(dataDir, clock).find("run-1").orElseThrow();

        assertThat(reloaded.web().readServedCertificate(IP_B, 443, ECE)).usingRecursiveComparison().ignoringFields("checkedAt")
                .isEqualTo(lab.web().readServedCertificate(IP_B, 443, ECE));
        assertThat(reloaded.web().get(PARTITION, Map.of()).setCookies()).containsKey(COOKIE);
        assertThat(reloaded.ledger()).isEqualTo(lab.ledger());
    }
}
