package com.eceops.runbook.technology.windows;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;
import com.eceops.runbook.technology.powershell.MarkdownPlan;
import com.eceops.runbook.technology.powershell.PowerShellScript;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.powershell.SshFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.windows.ServiceStatus;

/** The typed Windows operations over SSH: typed answers, plan mode, and no secret in anything written. */
class PowerShellWindowsOperationsTest {

    @TempDir
    Path root;

    private FakeWindowsSshServer server;
    private RemoteSessions sessions;

    @BeforeEach
    void start() throws Exception {
        server = new FakeWindowsSshServer(root, SshFixture.USER, SshFixture.PASSWORD, true);
        sessions = SshFixture.sessions(server, 1);
    }

    @AfterEach
    void stop() throws Exception {
        sessions.close();
        server.close();
    }

    @Test
    void hostFactsAndServicesArriveAsTypedRecords() {
        server.answers = command -> FakeWindowsSshServer.Answer.json(command.script().contains("Win32_OperatingSystem")
                ? "{\"osCaption\":\"Microsoft Windows Server 2016 Standard\",\"osVersion\":\"10.0.14393\",\"drives\":[{\"letter\":\"E\",\"sizeGb\":50,\"freeGb\":48}],\"restartPending\":true}"
                : "{\"exists\":true,\"state\":\"Stop Pending\",\"startMode\":\"Manual\",\"account\":\"MASSIVE\\\\ECESvc\"}");
        PowerShellWindowsOperations windows = operations(new MarkdownPlan(), false);

        assertThat(windows.readHostFacts(SshFixture.HOST).isWindowsServer2016()).isTrue();
        assertThat(windows.readHostFacts(SshFixture.HOST).restartPending()).isTrue();
        assertThat(windows.readService(SshFixture.HOST, "Cisco")).isEqualTo(new ServiceStatus("Cisco", true,
                ServiceStatus.Status.STOP_PENDING, ServiceStatus.StartType.MANUAL, "MASSIVE\\ECESvc"));
    }

    @Test
    void aFirewallRuleIsReadWithItsPortFilterAndOpenedByItsUniqueName() {
        server.answers = command -> FakeWindowsSshServer.Answer.json(command.script().contains("New-NetFirewallRule")
                ? "{\"changed\":true,\"before\":\"absent\",\"after\":\"True Inbound Allow TCP 5022\"}"
                : "{\"present\":true,\"enabled\":true,\"direction\":\"Inbound\",\"action\":\"Allow\",\"protocol\":\"TCP\",\"localPorts\":[\"5022\"]}");
        PowerShellWindowsOperations windows = operations(new MarkdownPlan(), false);
        FirewallRule endpoint = new FirewallRule("EceRunbook-HadrEndpoint", "SQL Server availability group endpoint (TCP 5022)", 5022);

        assertThat(windows.ensureFirewallRule(SshFixture.HOST, endpoint)).isEqualTo(Change.of("absent", "True Inbound Allow TCP 5022"));
        FirewallRule.State state = windows.readFirewallRule(SshFixture.HOST, endpoint.name());
        assertThat(state.allows(endpoint)).isTrue();
        assertThat(state.allows(new FirewallRule("EceRunbook-AgListener", "listener", 1433))).isFalse();
        assertThat(server.received.get(0).script()).contains("$Name = 'EceRunbook-HadrEndpoint'").contains("$Port = 5022")
                .contains("New-NetFirewallRule -Name $Name -DisplayName $DisplayName -Enabled True -Direction Inbound"
                        + " -Action Allow -Protocol TCP -LocalPort $Port -Profile Any");
    }

    @Test
    void aSetterReportsNoChangeWhenTheServerIsAlreadyRight() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"changed\":false,\"before\":\"present\",\"after\":\"present\"}");

        assertThat(operations(new MarkdownPlan(), false).ensureDirectory(SshFixture.HOST, "E:\\ECEFile")).isEqualTo(Change.none("present"));
    }

    @Test
    void planModeReadsButRecordsChangesInsteadOfRunningThem() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"names\":[\"FS-DFS-Namespace\"]}");
        MarkdownPlan plan = new MarkdownPlan();
        PowerShellWindowsOperations windows = operations(plan, true);

        windows.installedFeatures(SshFixture.HOST);
        windows.installFeatures(SshFixture.HOST, List.of("FS-DFS-Replication", "Failover-Clustering"));
        windows.ensureShare(SshFixture.HOST, "ECEFile", "E:\\ECEFile", "MASSIVE\\ECESvc");

        assertThat(server.received).hasSize(1);
        String markdown = plan.toMarkdown("Plan for massivedynamic");
        assertThat(markdown).contains("## " + SshFixture.HOST, "### pre-1: install features", "### pre-1: ensure share",
                "$Features = @('FS-DFS-Replication', 'Failover-Clustering')", "New-SmbShare -Name $ShareName");
    }

    @Test
    void aKnownSecretAppearsInNoPlanLogOrExceptionAfterARun() {
        String secret = SshFixture.PASSWORD;
        server.answers = command -> new FakeWindowsSshServer.Answer(1, "echoed " + secret, "failed for " + secret, Duration.ZERO);
        MarkdownPlan plan = new MarkdownPlan();
        plan.record(SshFixture.HOST, "pre-2.1", "note", "$x = '" + secret + "'");

        assertThatThrownBy(() -> operations(plan, false).ensureDirectory(SshFixture.HOST, "E:\\" + secret))
                .isInstanceOf(OperationFailedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).contains(SecretMasker.MASK));
        assertThat(plan.toMarkdown("plan")).doesNotContain(secret);
        assertThat(PowerShellScript.of("x", "$Password").with("Password", new com.eceops.runbook.estate.Secret(secret.toCharArray())).shown())
                .doesNotContain(secret).contains("$Password = '******'");
    }

    private PowerShellWindowsOperations operations(ScriptRecorder recorder, boolean plan) {
        return new PowerShellWindowsOperations(new ScriptContext(sessions, PowerShellWindowsOperationsTest::currentStep, recorder, plan, Duration.ofSeconds(10)));
    }

    private static String currentStep() {
        return "pre-1";
    }
}
