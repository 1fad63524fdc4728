package com.eceops.runbook.technology.dfs;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;
import com.eceops.runbook.technology.powershell.MarkdownPlan;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.RemoteTarget;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.powershell.SshFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eceops.runbook.technology.dfs.NamespaceState;
import com.eceops.runbook.technology.dfs.ReplicationGroupSpec;
import com.eceops.runbook.technology.dfs.ReplicationGroupState;
import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;

/** The DFS operations over SSH against the fake Windows server: scripts sent, answers read, plan mode. */
class PowerShellDfsOperationsTest {

    private static final String DOMAIN = "massivedynamic.com";
    private static final String HOST = SshFixture.HOST;

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
    void theNamespaceIsReadWithItsModeServersAndFolderTargets() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("""
                {"exists":true,"type":"Domain V2","rootTargets":["\\\\\\\\CC2K125ECEAA.massivedynamic.com\\\\ECE_Root","\\\\\\\\CC2K125ECEAB\\\\ECE_Root"],\
                "folders":[{"path":"\\\\\\\\massivedynamic.com\\\\ECE_Root\\\\ECE","targets":["\\\\\\\\CC2K125ECEAA\\\\ECEFile","\\\\\\\\CC2K125ECEAB\\\\ECEFile"]}]}""");

        NamespaceState namespace = operations(false).readNamespace(HOST, "ECE_Root");

        assertThat(namespace).isEqualTo(new NamespaceState("\\\\massivedynamic.com\\ECE_Root", true, "Windows Server 2008",
                List.of("CC2K125ECEAA", "CC2K125ECEAB"), Map.of("ECE", List.of("\\\\CC2K125ECEAA\\ECEFile", "\\\\CC2K125ECEAB\\ECEFile"))));
        assertThat(server.scripts().get(0)).contains("$Namespace = '\\\\massivedynamic.com\\ECE_Root'",
                "Get-DfsnRoot -Path $Namespace -ErrorAction SilentlyContinue");
    }

    @Test
    void aMissingNamespaceReadsAsAbsent() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"exists\":false}");

        assertThat(operations(false).readNamespace(HOST, "ECE_Root").exists()).isFalse();
    }

    @Test
    void theReplicationGroupIsReadWithMembersFullMeshAndStagingQuotas() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("""
                {"exists":true,"connections":2,"memberships":[\
                {"computerName":"CC2K125ECEAA","folderName":"ECE","contentPath":"E:\\\\ECEFile","primaryMember":true,"stagingPathQuotaInMb":4096},\
                {"computerName":"cc2k125eceab","folderName":"ECE","contentPath":"E:\\\\ECEFile","primaryMember":false,"stagingPathQuotaInMb":8192}]}""");

        ReplicationGroupState group = operations(false).readReplicationGroup(HOST, "ECE");

        assertThat(group).isEqualTo(new ReplicationGroupState("ECE", true, List.of("CC2K125ECEAA", "CC2K125ECEAB"), "CC2K125ECEAA",
                true, "E:\\ECEFile", Map.of("CC2K125ECEAA", 4096, "CC2K125ECEAB", 8192)));
    }

    @Test
    void oneConnectionBetweenTwoMembersIsNoFullMesh() {
        DfsAnswers.ReplicationGroup oneWay = new DfsAnswers.ReplicationGroup(true, List.of(
                new DfsAnswers.Membership("A", "ECE", "E:\\ECEFile", false, 4096),
                new DfsAnswers.Membership("B", "ECE", "E:\\ECEFile", false, 4096)), 1);

        assertThat(PowerShellDfsOperations.toReplicationGroup("ECE", oneWay).fullMesh()).isFalse();
    }

    @Test
    void theReplicationGroupChecksEachMembersContentThroughItsAdministrativeShare() {
        server.answers = command -> FakeWindowsSshServer.Answer.json(
                "{\"changed\":true,\"before\":\"absent\",\"after\":\"members CC2K125ECEAA, CC2K125ECEAB, primary CC2K125ECEAA\"}");

        Change change = operations(false).createReplicationGroup(HOST, new ReplicationGroupSpec("ECE", "ECE",
                List.of("CC2K125ECEAA", "CC2K125ECEAB"), "CC2K125ECEAA", true, "E:\\ECEFile"));

        assertThat(change.changed()).isTrue();
        assertThat(server.scripts().get(0)).contains("$MemberContent = @('\\\\CC2K125ECEAA\\E$\\ECEFile', '\\\\CC2K125ECEAB\\E$\\ECEFile')",
                "$FullMesh = $true", "Add-DfsrConnection -GroupName $Group -SourceComputerName $from -DestinationComputerName $to -CreateOneWay",
                "Set-DfsrMembership -GroupName $Group -FolderName $Folder -ComputerName $member -ContentPath $ContentPath -PrimaryMember ($member -eq $Primary) -Force");
    }

    @Test
    void aPrimaryMemberOutsideTheMembersIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> operations(false).createReplicationGroup(HOST, new ReplicationGroupSpec("ECE", "ECE",
                List.of("CC2K125ECEAA", "CC2K125ECEAB"), "CC2K125ECEWA", true, "E:\\ECEFile")))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("is not a member");
        assertThat(server.received).isEmpty();
    }

    @Test
    void aGroupNameTheDfsrCmdletsWouldReadAsAWildcardIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> operations(false).readReplicationGroup(HOST, "ECE*"))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("wildcard");
        assertThat(server.received).isEmpty();
    }

    @Test
    void theMembershipsAreReadForEveryMemberNotJustTheLocalComputer() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"exists\":false}");

        operations(false).readReplicationGroup(HOST, "ECE");

        assertThat(server.scripts().get(0)).contains("Get-DfsrMembership -GroupName $Group -ComputerName $names");
    }

    @Test
    void aFolderPathThatIsNotDomainRootFolderIsRefused() {
        assertThatThrownBy(() -> operations(false).createFolderWithTargets(HOST, "\\\\massivedynamic.com\\ECE_Root",
                List.of("\\\\CC2K125ECEAA\\ECEFile"))).isInstanceOf(OperationFailedException.class);
        assertThat(server.received).isEmpty();
    }

    @Test
    void theNamespaceServerSharesItsRootAndBecomesARootTarget() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"changed\":false,\"before\":\"targets x\",\"after\":\"targets x\"}");

        assertThat(operations(false).addNamespaceServer(HOST, "ECE_Root", "C:\\DFSRoots")).isEqualTo(Change.none("targets x"));
        assertThat(server.scripts().get(0)).contains("$Server = 'CC2K125ECEAA'", "$Target = '\\\\CC2K125ECEAA\\ECE_Root'",
                "$LocalPath = 'C:\\DFSRoots'", "New-DfsnRootTarget -Path $Namespace -TargetPath $Target");
    }

    @Test
    void planModeRecordsChangesPerServerAndARefusedRouteIsShownAsRefused() {
        MarkdownPlan plan = new MarkdownPlan();
        RemoteSessions mixed = new RemoteSessions(SshFixture.connector(), List.of(SshFixture.target(server, server.fingerprint()),
                new RemoteTarget("CC2K125ECEAB", "cc2k125eceab.massivedynamic.com", new Connection(Connection.Protocol.WINRM_HTTPS,
                        5986, "ECEInstaller@MASSIVEDYNAMIC.COM", new CredentialRef("cluster-admin"), Optional.empty()))),
                1, Duration.ofMinutes(1));
        PowerShellDfsOperations dfs = new PowerShellDfsOperations(new ScriptContext(mixed, () -> "pre-4.1", plan, true, Duration.ofSeconds(10)), DOMAIN);

        dfs.createDomainNamespace(HOST, "ECE_Root", "C:\\DFSRoots");
        dfs.addNamespaceServer("CC2K125ECEAB", "ECE_Root", "C:\\DFSRoots");

        assertThat(server.received).isEmpty();
        String markdown = plan.toMarkdown("Plan");
        assertThat(markdown).contains("## " + HOST, "### pre-4.1: create domain namespace\n",
                "New-DfsnRoot -Path $Namespace -TargetPath $Target -Type DomainV2",
                "## CC2K125ECEAB", "add namespace server (REFUSED in a live run: ", "set doubleHop to");
        mixed.close();
    }

    @Test
    void aLiveChangeOverARefusedRouteFailsBeforeAnythingIsSent() {
        RemoteSessions winrm = new RemoteSessions(SshFixture.connector(), List.of(new RemoteTarget("CC2K125ECEAB",
                "cc2k125eceab.massivedynamic.com", new Connection(Connection.Protocol.WINRM_HTTPS, 5986,
                "ECEInstaller@MASSIVEDYNAMIC.COM", new CredentialRef("cluster-admin"), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.of(Connection.DoubleHop.RESOURCE_OWNER)))), 1, Duration.ofMinutes(1));
        PowerShellDfsOperations dfs = new PowerShellDfsOperations(new ScriptContext(winrm, () -> "pre-4.4", ScriptRecorder.NONE, false, Duration.ofSeconds(10)), DOMAIN);

        assertThatThrownBy(() -> dfs.setStagingQuota("CC2K125ECEAB", "ECE", "CC2K125ECEAB", 4096))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("no single machine");
        winrm.close();
    }

    private PowerShellDfsOperations operations(boolean plan) {
        return new PowerShellDfsOperations(new ScriptContext(sessions, () -> "pre-4", new MarkdownPlan(), plan, Duration.ofSeconds(10)), DOMAIN);
    }
}
