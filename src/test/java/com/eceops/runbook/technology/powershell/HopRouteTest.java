package com.eceops.runbook.technology.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.Connection.DoubleHop;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.windows.FileScripts;

/** The executor's choice of a way round the double hop, from the operation's reach and the inventory. */
class HopRouteTest {

    private static final CredentialRef CREDENTIAL = new CredentialRef("cluster-admin");

    @Test
    void aLocalOperationRunsWhereItWasMeantWhateverTheInventorySays() {
        assertThat(choose(winrm("svc-runbook@MASSIVE.LOCAL", DoubleHop.SCHEDULED_TASK), NetworkReach.LOCAL_ONLY, Optional.empty()))
                .isEqualTo(new HopRoute.Direct("CC2K125ECEAA"));
    }

    @Test
    void resourceOwnerRunsOnTheMachineThatOwnsTheResource() {
        assertThat(choose(winrm("svc-runbook@MASSIVE.LOCAL", DoubleHop.RESOURCE_OWNER), NetworkReach.SECOND_MACHINE, Optional.of("MGMT01")))
                .isEqualTo(new HopRoute.Direct("MGMT01"));
        assertThatThrownBy(() -> choose(winrm("svc-runbook@MASSIVE.LOCAL", DoubleHop.RESOURCE_OWNER), NetworkReach.SECOND_MACHINE, Optional.empty()))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("no single machine that owns");
    }

    @Test
    void scheduledTaskRegistersWithTheConnectionsAccountAndCredential() {
        assertThat(choose(winrm("svc-runbook@MASSIVE.LOCAL", DoubleHop.SCHEDULED_TASK), NetworkReach.SECOND_MACHINE, Optional.empty()))
                .isEqualTo(new HopRoute.ScheduledTask("CC2K125ECEAA", "svc-runbook@MASSIVE.LOCAL", CREDENTIAL));
        assertThatThrownBy(() -> choose(ssh(true, DoubleHop.SCHEDULED_TASK), NetworkReach.SECOND_MACHINE, Optional.empty()))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("logs on with a key");
    }

    @Test
    void anSshPasswordLogonHasNetworkCredentialsAndOtherSessionsWithoutAWayAreRefused() {
        assertThat(choose(ssh(false, null), NetworkReach.SECOND_MACHINE, Optional.empty())).isEqualTo(new HopRoute.Direct("CC2K125ECEAA"));
        assertThat(choose(ssh(false, DoubleHop.SSH_PASSWORD), NetworkReach.SECOND_MACHINE, Optional.empty())).isEqualTo(new HopRoute.Direct("CC2K125ECEAA"));
        assertThatThrownBy(() -> choose(ssh(true, DoubleHop.SSH_PASSWORD), NetworkReach.SECOND_MACHINE, Optional.empty()))
                .hasMessageContaining("SSH key");
        assertThatThrownBy(() -> choose(ssh(true, null), NetworkReach.SECOND_MACHINE, Optional.empty()))
                .hasMessageContaining("no doubleHop is set").hasMessageContaining("SSH key");
        assertThatThrownBy(() -> choose(winrm("svc-runbook@MASSIVE.LOCAL", null), NetworkReach.SECOND_MACHINE, Optional.empty()))
                .hasMessageContaining("WinRM Kerberos");
    }

    @Test
    void besidesFilesOnAUncPathOnlyTheCopyAndTheClusterValidationAndCreationReachASecondMachine() {
        ScriptValues values = ScriptValues.of(ScriptValues.sampleEstate());
        List<PowerShellScript> directory = ScriptCatalog.directoryScripts(values);
        assertThat(ScriptCatalog.all(values)).filteredOn(script -> script.reach() == NetworkReach.SECOND_MACHINE)
                .filteredOn(script -> directory.stream().noneMatch(d -> d.operation().equals(script.operation())))
                .filteredOn(script -> !(script.operation().startsWith("copy") || script.operation().contains("cluster")))
                .allSatisfy(script -> assertThat(script.parameters().values()).as(script.operation())
                        .anyMatch(value -> String.valueOf(value).startsWith("\\\\")));
        assertThat(ScriptCatalog.all(values)).filteredOn(script -> script.reach() == NetworkReach.SECOND_MACHINE)
                .extracting(PowerShellScript::operation).contains("copy file", "validate the cluster", "create the cluster");
    }

    /**
     * The quorum share check, the DFS replication test through the namespace, a patch file on a share: a session over
     * WinRM Kerberos or an SSH key has no network credentials for the server behind a UNC path.
     */
    @Test
    void aFileScriptGivenAUncPathReachesASecondMachineAndALocalPathStaysOnTheServer() {
        String share = "\\\\CC2K125ECEWA\\ClusterWitness";
        String namespace = "\\\\massivedynamic.com\\ECE_Root\\ECE\\DFSTest";
        assertThat(List.of(FileScripts.listFiles(share), FileScripts.readAccessRules(share), FileScripts.ensureDirectory(namespace),
                FileScripts.writeFile(namespace + "\\ReplTest.txt", "Side A Creation"), FileScripts.fileExists(namespace),
                FileScripts.copyFileLocally("\\\\CC2K125ECEAA\\E$\\Patches\\ES5.zip", "E:\\Patches\\ES5.zip")))
                .allSatisfy(script -> assertThat(script.reach()).as(script.operation()).isEqualTo(NetworkReach.SECOND_MACHINE));
        assertThat(List.of(FileScripts.listFiles("E:\\ECEFile"), FileScripts.ensureDirectory("E:\\ECEFile"),
                FileScripts.copyFileLocally("C:\\ECE\\a.js", "C:\\ECE\\a.js.bak")))
                .allSatisfy(script -> assertThat(script.reach()).as(script.operation()).isEqualTo(NetworkReach.LOCAL_ONLY));
    }

    @Test
    void everyActiveDirectoryAndDfsScriptReachesASecondMachine() {
        assertThat(ScriptCatalog.directoryScripts(ScriptValues.of(ScriptValues.sampleEstate())))
                .isNotEmpty().allSatisfy(script -> assertThat(script.reach()).isEqualTo(NetworkReach.SECOND_MACHINE));
    }

    private static HopRoute choose(Connection connection, NetworkReach reach, Optional<String> owner) {
        return HopRoute.choose(new RemoteTarget("CC2K125ECEAA", "cc2k125eceaa.massive.local", connection), "an operation", reach, owner);
    }

    private static Connection winrm(String user, DoubleHop hop) {
        return new Connection(Connection.Protocol.WINRM_HTTPS, 5986, user, CREDENTIAL, Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.ofNullable(hop));
    }

    private static Connection ssh(boolean key, DoubleHop hop) {
        return new Connection(Connection.Protocol.SSH, 22, "ece-admin", CREDENTIAL, Optional.of("SHA256:x"),
                key ? Optional.of("/keys/id_ed25519") : Optional.empty(), Optional.empty(), false, Optional.ofNullable(hop));
    }
}
