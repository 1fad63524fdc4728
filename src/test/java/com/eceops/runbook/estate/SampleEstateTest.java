package com.eceops.runbook.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample inventory reproduces the tech note's "Example Layout". */
class SampleEstateTest {

    @TempDir
    Path dir;

    Estate estate;

    @BeforeEach
    void loadTheSample() {
        estate = Inventories.repositoryWith(dir, "massivedynamic", Inventories.massiveDynamic()).load("massivedynamic");
    }

    @Test
    void theSampleHasNoProblems() {
        assertThat(Inventories.problemsOf(dir, Inventories.massiveDynamic())).isEmpty();
    }

    @Test
    void theSampleIsTheLabOfTheExampleLayout() {
        assertThat(estate.name()).isEqualTo("massivedynamic");
        assertThat(estate.live()).isFalse();
        assertThat(estate.domain().fqdn()).isEqualTo("massivedynamic.com");
        assertThat(estate.domain().netbios()).isEqualTo("MASSIVE");
        assertThat(estate.domain().organizationalUnit()).isEqualTo("OU=ECE Cluster,DC=massivedynamic,DC=com");
        assertThat(estate.domain().managementHost()).isEmpty();
    }

    @Test
    void theFourVirtualMachinesHaveTheirNamesAddressesAndRoles() {
        assertThat(estate.allServers()).extracting(Server::name, Server::ip, Server::role, Server::side).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CC2K125ECEAA", "14.10.162.168", ServerRole.COLLOCATED, "a"),
                org.assertj.core.groups.Tuple.tuple("CC2K125ECEWA", "14.10.162.169", ServerRole.WEB, "a"),
                org.assertj.core.groups.Tuple.tuple("CC2K125ECEAB", "14.10.172.168", ServerRole.COLLOCATED, "b"),
                org.assertj.core.groups.Tuple.tuple("CC2K125ECEWB", "14.10.172.169", ServerRole.WEB, "b"));
        assertThat(estate.sideA().subnet().cidr()).isEqualTo("14.10.162.0/24");
        assertThat(estate.sideB().subnet().cidr()).isEqualTo("14.10.172.0/24");
        assertThat(estate.collocatedServers()).extracting(Server::sqlInstance).containsOnly("MSSQLSERVER");
        assertThat(estate.server("cc2k125ecewb")).map(Server::name).contains("CC2K125ECEWB");
        assertThat(estate.fqdn("CC2K125ECEAA")).isEqualTo("CC2K125ECEAA.massivedynamic.com");
    }

    @Test
    void eachWebServerForwardsToTheCollocatedServerOfItsSide() {
        assertThat(estate.sideA().web().applicationServer()).isEqualTo("CC2K125ECEAA");
        assertThat(estate.sideB().web().applicationServer()).isEqualTo("CC2K125ECEAB");
        assertThat(estate.collocatedServers()).extracting(Server::applicationServer).containsOnlyNulls();
        assertThat(estate.webServers()).extracting(Server::sqlInstance).containsOnlyNulls();
    }

    @Test
    void theClusterAndTheListenerHaveOneAddressPerSide() {
        assertThat(estate.cluster().name()).isEqualTo("CC2K125ECEFOC");
        assertThat(estate.cluster().ipsBySide()).isEqualTo(Map.of("a", "14.10.162.170", "b", "14.10.172.170"));
        AvailabilityGroup group = estate.availabilityGroup();
        assertThat(group.name()).isEqualTo("CC2K125ECEDB");
        assertThat(group.listenerName()).isEqualTo("CC2K125ECEDB");
        assertThat(group.listenerIpsBySide()).isEqualTo(Map.of("a", "14.10.162.161", "b", "14.10.172.171"));
        assertThat(group.listenerPort()).isEqualTo(1433);
        assertThat(group.endpointPort()).isEqualTo(5022);
        assertThat(estate.loadBalancer().virtualIp()).isEqualTo("14.10.162.96");
    }

    @Test
    void collocatedServersHaveDrivesCEAndFAndWebServersOnlyC() {
        assertThat(estate.sideA().collocated().drives()).extracting(Drive::letter, Drive::sizeGb).containsExactly(
                org.assertj.core.groups.Tuple.tuple('C', 80), org.assertj.core.groups.Tuple.tuple('E', 50),
                org.assertj.core.groups.Tuple.tuple('F', 300));
        assertThat(estate.sideA().collocated().drives().get(0).usage()).isEqualTo("Windows OS, SQL executables");
        assertThat(estate.sideB().web().drives()).extracting(Drive::letter).containsExactly('C');
    }

    @Test
    void thePathsAreThoseOfTheFileAndDirectoryObjectsTable() {
        Paths paths = estate.paths();
        assertThat(paths.sharedDirectory()).isEqualTo("E:\\ECEFile");
        assertThat(paths.eceHome()).isEqualTo("E:\\ECE");
        assertThat(paths.webEceHome()).isEqualTo("C:\\ECE");
        assertThat(paths.ssisDirectory()).isEqualTo("E:\\ssis_data");
        assertThat(paths.sqlData()).isEqualTo("F:\\MSSQL\\Data");
        assertThat(paths.sqlBackups()).isEqualTo("F:\\MSSQL\\Backups");
        assertThat(estate.collocatedServers()).extracting(Server::eceHome).containsOnly("E:\\ECE");
        assertThat(estate.webServers()).extracting(Server::eceHome).containsOnly("C:\\ECE");
    }

    @Test
    void theDfsRootAndFolderAreReadOffTheDomainBasedPath() {
        Dfs dfs = estate.dfs();
        assertThat(dfs.path()).isEqualTo("\\\\massivedynamic.com\\ECE_Root\\ECE");
        assertThat(dfs.root()).isEqualTo("ECE_Root");
        assertThat(dfs.folder()).isEqualTo("ECE");
        assertThat(dfs.localPath()).isEqualTo("C:\\DFSRoots");
        assertThat(dfs.stagingQuotaMb()).isEqualTo(4096);
    }

    @Test
    void accountsAndDatabasesAreThoseOfTheDocument() {
        assertThat(estate.accounts().sqlService()).isEqualTo(new Accounts.Account("SqlServerSvc", new CredentialRef("sql-service")));
        assertThat(estate.accounts().eceService()).isEqualTo(new Accounts.Account("ECESvc", new CredentialRef("ece-service")));
        assertThat(estate.accounts().clusterAdmin().credential()).isEqualTo(new CredentialRef("cluster-admin"));
        assertThat(estate.databases().eceDatabases()).containsExactly("eGActiveDB", "eGMasterDB", "eGReportsDB");
        assertThat(estate.databases().seedingDatabase()).isEqualTo("AGTemp");
    }

    @Test
    void eceRunsVersion12Point5BehindItsPublicName() {
        Ece ece = estate.ece();
        assertThat(ece.version()).isEqualTo("12.5");
        assertThat(ece.fqdn()).isEqualTo("ece.massivedynamic.com");
        assertThat(ece.contextRoot()).isEqualTo("ece");
        assertThat(ece.partition()).isEqualTo("default");
        assertThat(ece.jettyPort()).isEqualTo(9001);
        assertThat(ece.serviceName()).isEqualTo("Cisco");
        assertThat(ece.mediaPath()).isEqualTo("\\\\massivedynamic.com\\ECE_Root\\Media\\ECE_12.5");
        assertThat(ece.productionEmail()).isTrue();
        assertThat(ece.pcce()).isTrue();
    }

    @Test
    void everyServerConnectsWithTheDefaultConnection() {
        // The sample's servers are reached over WinRM Kerberos; what reaches a second machine goes as a scheduled task.
        Connection expected = new Connection(Connection.Protocol.WINRM_HTTPS, 5986, "ECEInstaller@MASSIVEDYNAMIC.COM",
                new CredentialRef("cluster-admin"), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.of(Connection.DoubleHop.SCHEDULED_TASK));
        assertThat(estate.allServers()).extracting(Server::connection).containsOnly(expected);
    }

    @Test
    void thePatchWindowIsSaturdayNightInBerlin() {
        assertThat(estate.patchWindows()).containsExactly(
                new PatchWindow(DayOfWeek.SATURDAY, LocalTime.of(22, 0), Duration.ofHours(4), ZoneId.of("Europe/Berlin")));
    }

    @Test
    void aServerMayOverrideSomeConnectionKeysAndKeepsTheOthers() {
        String yaml = Inventories.massiveDynamicWith("      applicationServer: CC2K125ECEAB",
                "      applicationServer: CC2K125ECEAB\n"
                        + "      connection: { protocol: ssh, user: ece-admin, hostKeyFingerprint: 'SHA256:abc' }");
        Estate overridden = Inventories.repositoryWith(dir, "massivedynamic", yaml).load("massivedynamic");
        assertThat(overridden.sideB().web().connection()).isEqualTo(new Connection(Connection.Protocol.SSH, 22, "ece-admin",
                new CredentialRef("cluster-admin"), Optional.of("SHA256:abc"), Optional.empty(), Optional.empty(), false,
                Optional.of(Connection.DoubleHop.SCHEDULED_TASK)));
        assertThat(overridden.sideA().web().connection().protocol()).isEqualTo(Connection.Protocol.WINRM_HTTPS);
    }
}
