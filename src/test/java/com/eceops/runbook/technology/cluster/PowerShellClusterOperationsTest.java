package com.eceops.runbook.technology.cluster;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;
import com.eceops.runbook.technology.powershell.MarkdownPlan;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.powershell.SshFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eceops.runbook.technology.cluster.ClusterEvent;
import com.eceops.runbook.technology.cluster.ClusterState;
import com.eceops.runbook.technology.cluster.ResourceState;
import com.eceops.runbook.technology.cluster.ValidationReport;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;

/** The failover cluster over SSH against the fake Windows server: typed reads, a checked change, plan mode. */
class PowerShellClusterOperationsTest {

    private static final List<String> NODES = List.of("CC2K125ECEAA", "CC2K125ECEAB");

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
    void theClusterArrivesWithUpperCaseNodesIpsAndTheWitness() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"exists\":true,\"name\":\"CC2K125ECEFOC\","
                + "\"nodes\":[{\"name\":\"cc2k125eceaa\",\"state\":\"Up\"},{\"name\":\"CC2K125ECEAB\",\"state\":\"Down\"}],"
                + "\"ips\":[\"14.10.162.170\",\"14.10.172.170\"],\"quorumType\":\"NodeAndFileShareMajority\","
                + "\"witnessPath\":\"\\\\\\\\files\\\\ClusterWitness\"}");

        ClusterState cluster = operations(new MarkdownPlan(), false).readCluster(SshFixture.HOST);

        assertThat(cluster).isEqualTo(new ClusterState("CC2K125ECEFOC", true,
                Map.of("CC2K125ECEAA", "Up", "CC2K125ECEAB", "Down"), List.of("14.10.162.170", "14.10.172.170"),
                "NodeAndFileShareMajority", "\\\\files\\ClusterWitness"));
        assertThat(server.scripts()).singleElement().asString().contains("Get-ClusterNode", "Get-ClusterQuorum");
    }

    @Test
    void aNodeOutsideAnyClusterReadsAsNoCluster() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"exists\":false}");

        assertThat(operations(new MarkdownPlan(), false).readCluster(SshFixture.HOST).exists()).isFalse();
    }

    @Test
    void validationSendsBothNodesAndReadsTheVerdictFromTheWarnings() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"reportPath\":\"C:\\\\Windows\\\\Cluster\\\\Reports\\\\r.htm\","
                + "\"messages\":[\"Network - Validate Network Communication: The test reported some warnings..\","
                + "\"\\r\\nTest Result:\\r\\nHadUnselectedTests, ClusterConditionallyApproved\\r\\nTesting has completed.\"]}");

        ValidationReport report = operations(new MarkdownPlan(), false).validateCluster(SshFixture.HOST, NODES);

        assertThat(report.passed()).isTrue();
        assertThat(report.warnings()).hasSize(2);
        assertThat(server.scripts()).singleElement().asString()
                .contains("$Nodes = @('CC2K125ECEAA', 'CC2K125ECEAB')", "Test-Cluster -Node $Nodes -ReportName $reportName");
    }

    @Test
    void creatingAClusterThatExistsReportsNoChangeAndTheScriptChecksFirst() {
        server.answers = command -> FakeWindowsSshServer.Answer.json(
                "{\"changed\":false,\"before\":\"cluster CC2K125ECEFOC\",\"after\":\"cluster CC2K125ECEFOC\"}");

        Change change = operations(new MarkdownPlan(), false).createCluster(SshFixture.HOST, "CC2K125ECEFOC", NODES,
                List.of("14.10.162.170", "14.10.172.170"));

        assertThat(change).isEqualTo(Change.none("cluster CC2K125ECEFOC"));
        String script = server.scripts().get(0);
        assertThat(script.indexOf("Get-Cluster")).isLessThan(script.indexOf("New-Cluster"));
        assertThat(script).contains("New-Cluster -Name $Name -Node $Nodes -StaticAddress $StaticAddresses -NoStorage");
    }

    @Test
    void eventsArriveWithTheirLevelInWords() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"events\":[{\"at\":\"2026-11-25T21:00:00.0000000Z\","
                + "\"id\":1069,\"level\":2,\"message\":\"Cluster resource failed.\"}]}");

        List<ClusterEvent> events = operations(new MarkdownPlan(), false).readEventsSince(SshFixture.HOST, Instant.EPOCH);

        assertThat(events).containsExactly(new ClusterEvent(Instant.parse("2026-11-25T21:00:00Z"), 1069, "Error", "Cluster resource failed."));
        assertThat(server.scripts().get(0)).contains("$Since = '1970-01-01T00:00:00Z'");
    }

    @Test
    void aResourceAndItsParameterAreRead() {
        server.answers = command -> FakeWindowsSshServer.Answer.json(command.script().contains("Get-ClusterParameter")
                ? "{\"value\":\"1200\"}"
                : "{\"exists\":true,\"name\":\"CC2K125ECEDB_CC2K125ECEDB\",\"group\":\"CC2K125ECEDB\",\"type\":\"Network Name\",\"state\":\"Online\"}");
        PowerShellClusterOperations cluster = operations(new MarkdownPlan(), false);

        assertThat(cluster.readResource(SshFixture.HOST, "CC2K125ECEDB_CC2K125ECEDB"))
                .isEqualTo(new ResourceState("CC2K125ECEDB_CC2K125ECEDB", true, "CC2K125ECEDB", "Network Name", "Online"));
        assertThat(cluster.readResourceParameter(SshFixture.HOST, "CC2K125ECEDB_CC2K125ECEDB", "HostRecordTTL")).isEqualTo("1200");
    }

    @Test
    void aFailingClusterCmdletBecomesAnOperationFailureNamingHostAndStep() {
        server.answers = command -> new FakeWindowsSshServer.Answer(1, "", "Set-ClusterQuorum : access denied", Duration.ZERO);

        assertThatThrownBy(() -> operations(new MarkdownPlan(), false).setFileShareWitness(SshFixture.HOST, "\\\\files\\ClusterWitness"))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining(SshFixture.HOST).hasMessageContaining("pre-5.2").hasMessageContaining("access denied");
    }

    @Test
    void planModeRecordsEveryChangeAndContactsNoServer() {
        MarkdownPlan plan = new MarkdownPlan();
        PowerShellClusterOperations cluster = operations(plan, true);

        cluster.createCluster(SshFixture.HOST, "CC2K125ECEFOC", NODES, List.of("14.10.162.170", "14.10.172.170"));
        cluster.setFileShareWitness(SshFixture.HOST, "\\\\files\\ClusterWitness");
        cluster.setResourceParameter(SshFixture.HOST, "CC2K125ECEDB_CC2K125ECEDB", "HostRecordTTL", "300");
        cluster.stopResource(SshFixture.HOST, "CC2K125ECEDB");
        cluster.startResource(SshFixture.HOST, "CC2K125ECEDB");
        cluster.startGroup(SshFixture.HOST, "CC2K125ECEDB");

        assertThat(server.received).isEmpty();
        assertThat(plan.toMarkdown("plan")).contains("### pre-5.2: create the cluster", "### pre-5.2: set the file share witness",
                "### pre-5.2: set a cluster parameter", "### pre-5.2: stop a cluster resource", "### pre-5.2: start a cluster group",
                "$SharePath = '\\\\files\\ClusterWitness'", "Set-ClusterQuorum -FileShareWitness $SharePath",
                "$StaticAddresses = @('14.10.162.170', '14.10.172.170')");
    }

    private PowerShellClusterOperations operations(ScriptRecorder recorder, boolean plan) {
        return new PowerShellClusterOperations(new ScriptContext(sessions, () -> "pre-5.2", recorder, plan, Duration.ofSeconds(10)));
    }
}
