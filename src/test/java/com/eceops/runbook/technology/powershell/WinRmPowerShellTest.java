package com.eceops.runbook.technology.powershell;

import com.eceops.runbook.technology.windows.FileScripts;
import com.eceops.runbook.technology.windows.HostScripts;
import com.eceops.runbook.technology.windows.ServiceScripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Secret;
import com.eceops.runbook.operations.OperationFailedException;
import com.xebialabs.overthere.OverthereConnection;

/** PowerShell over WinRM with Overthere's own WinRM client against an in-process WS-Management endpoint. */
class WinRmPowerShellTest {

    private static final String HOST = "CC2K125ECEWA";
    private static final String USER = "ece-local";
    private static final String PASSWORD = "W1nRM-Pa55word!";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private FakeWsManEndpoint endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void aCommandRunsOverPlainHttpWithTheBasicChallenge() throws Exception {
        endpoint = new FakeWsManEndpoint(USER, PASSWORD, null);
        endpoint.answers = script -> FakeWindowsSshServer.Answer.json("{\"reachable\":true,\"computer\":\"CC2K125ECEWA\"}");

        try (OverthereConnection connection = connector(PASSWORD).winrmHttpForTests(target(false, Optional.empty()))) {
            CommandExecutor.Finished finished = CommandExecutor.run(connection,
                    CommandLines.encoded(HostScripts.checkReachable().text()), TIMEOUT);

            assertThat(finished.outcome().exitCode()).isZero();
            assertThat(finished.outcome().stdout()).contains("\"computer\":\"CC2K125ECEWA\"");
        }
        assertThat(endpoint.scripts).containsExactly(HostScripts.checkReachable().text());
        assertThat(endpoint.actions).containsSequence("Create", "Command", "Receive").contains("Delete");
    }

    @Test
    void overHttpsWithRelaxedChecksTheRunnerReadsTypedAnswers() throws Exception {
        endpoint = new FakeWsManEndpoint(USER, PASSWORD, new SelfSignedTls().serverContext);
        endpoint.answers = script -> FakeWindowsSshServer.Answer.json("{\"exists\":true,\"state\":\"Running\",\"startMode\":\"Auto\",\"account\":\"MASSIVE\\\\ECESvc\"}");

        try (RemoteSessions sessions = sessions(PASSWORD, target(true, Optional.empty()))) {
            Answers.Service service = new PowerShellRunner(sessions).run(HOST, "patch-1.3", ServiceScripts.readService("Cisco"), TIMEOUT, Answers.Service.class);

            assertThat(service).isEqualTo(new Answers.Service(true, "Running", "Auto", "MASSIVE\\ECESvc"));
        }
    }

    @Test
    void aSelfSignedCertificateIsRefusedWhenChecksAreStrict() throws Exception {
        endpoint = new FakeWsManEndpoint(USER, PASSWORD, new SelfSignedTls().serverContext);

        try (RemoteSessions sessions = sessions(PASSWORD, target(false, Optional.empty()))) {
            assertThatThrownBy(() -> new PowerShellRunner(sessions).run(HOST, "pre-1", HostScripts.checkReachable(), TIMEOUT))
                    .isInstanceOf(OperationFailedException.class)
                    .hasMessageContaining(HOST).hasMessageMatching("(?s).*(PKIX|certificat).*");
        }
        assertThat(endpoint.scripts).isEmpty();
    }

    @Test
    void theInventorysTrustStoreMakesTheListenerTrusted() throws Exception {
        SelfSignedTls tls = new SelfSignedTls();
        endpoint = new FakeWsManEndpoint(USER, PASSWORD, tls.serverContext);
        endpoint.answers = script -> FakeWindowsSshServer.Answer.json("{\"reachable\":true}");
        String before = System.getProperty("javax.net.ssl.trustStore");
        try (RemoteSessions sessions = sessions(PASSWORD, target(false, Optional.of(tls.trustStore(folder).toString())))) {
            Answers.Reachable reachable = new PowerShellRunner(sessions).run(HOST, "pre-1", HostScripts.checkReachable(), TIMEOUT, Answers.Reachable.class);

            assertThat(reachable.reachable()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty("javax.net.ssl.trustStore");
                System.clearProperty("javax.net.ssl.trustStoreType");
            }
        }
    }

    @Test
    void wrongCredentialsFailTheCommandAndNameTheHost() throws Exception {
        endpoint = new FakeWsManEndpoint(USER, PASSWORD, new SelfSignedTls().serverContext);

        try (RemoteSessions sessions = sessions("not-the-password", target(true, Optional.empty()))) {
            assertThatThrownBy(() -> new PowerShellRunner(sessions).run(HOST, "pre-1", HostScripts.checkReachable(), TIMEOUT))
                    .isInstanceOf(OperationFailedException.class)
                    .hasMessageStartingWith(HOST + ": ")
                    .hasMessageNotContaining("not-the-password");
        }
        assertThat(endpoint.scripts).isEmpty();
    }

    @Test
    void aTimedOutFaultIsAFailureNeverASuccess() throws Exception {
        endpoint = new FakeWsManEndpoint(USER, PASSWORD, new SelfSignedTls().serverContext);
        endpoint.timeOutReceives = true;

        try (RemoteSessions sessions = sessions(PASSWORD, target(true, Optional.empty()))) {
            assertThatThrownBy(() -> new PowerShellRunner(sessions).run(HOST, "post-2", ServiceScripts.startService("Cisco"), TIMEOUT))
                    .isInstanceOf(OperationFailedException.class)
                    .hasMessageContaining("start service");
        }
    }

    @Test
    void aLongScriptIsAppendedInPiecesRunWithFileAndRemoved() throws Exception {
        endpoint = new FakeWsManEndpoint(USER, PASSWORD, new SelfSignedTls().serverContext);
        endpoint.answers = script -> FakeWindowsSshServer.Answer.json("{\"changed\":true,\"before\":\"absent\",\"after\":\"written\"}");
        PowerShellScript write = FileScripts.writeFile("C:\\ECE\\ece_config.js", "x".repeat(9000));

        try (RemoteSessions sessions = sessions(PASSWORD, target(true, Optional.empty()))) {
            new PowerShellRunner(sessions).run(HOST, "post-10", write, TIMEOUT, Answers.Changed.class);
        }

        assertThat(endpoint.scripts).filteredOn(script -> script.contains("FromBase64String($Piece)")).hasSizeGreaterThan(1);
        assertThat(endpoint.scripts).anySatisfy(line -> assertThat(line).contains("-File").contains("C:\\Windows\\Temp\\runbook-"));
        assertThat(endpoint.scripts.get(endpoint.scripts.size() - 1)).contains("Remove-Item -LiteralPath $Path");
    }

    private RemoteTarget target(boolean relaxed, Optional<String> trustStore) {
        return new RemoteTarget(HOST, "127.0.0.1", new Connection(Connection.Protocol.WINRM_HTTPS, endpoint.port(), USER,
                new CredentialRef("web-local"), Optional.empty(), Optional.empty(), trustStore, relaxed, Optional.empty()));
    }

    private static OverthereConnector connector(String password) {
        return new OverthereConnector(ref -> new Secret(password.toCharArray()), Duration.ofSeconds(5));
    }

    private static RemoteSessions sessions(String password, RemoteTarget target) {
        return new RemoteSessions(connector(password), List.of(target), 1, Duration.ofMinutes(1));
    }
}
