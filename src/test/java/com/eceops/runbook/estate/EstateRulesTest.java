package com.eceops.runbook.estate;

import static com.eceops.runbook.estate.Inventories.massiveDynamicWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The semantic rules: each bad inventory is the sample with one small edit, and names the path to blame. */
class EstateRulesTest {

    @TempDir
    Path dir;

    List<String> pathsAfter(String original, String replacement) {
        return Inventories.paths(Inventories.problemsOf(dir, massiveDynamicWith(original, replacement)));
    }

    @ParameterizedTest(name = "{0} instead of {1} is reported at {2}")
    @CsvSource(delimiter = '|', value = {
        "name: CC2K125ECEWEBA01 | name: CC2K125ECEWA | sides.a.web.name",
        "name: CC2K125_ECEWA | name: CC2K125ECEWA | sides.a.web.name",
        "name: CC2K125ECEF.C | name: CC2K125ECEFOC | cluster.name",
        "name: '12345678' | name: CC2K125ECEFOC | cluster.name",
        "netbios: -MASSIVE | netbios: MASSIVE | domain.netbios",
        "netbios: MASSIVEDYNAMICCOM | netbios: MASSIVE | domain.netbios"})
    void aNetbiosNameHasAtMost15LettersDigitsOrHyphensAndIsNotAllDigits(String replacement, String original, String path) {
        assertThat(pathsAfter(original, replacement)).containsExactly(path);
    }

    @Test
    void theListenerNameIsANetbiosNameToo() {
        assertThat(pathsAfter("  listener:\n    name: CC2K125ECEDB", "  listener:\n    name: CC2K125ECE-LISTENER"))
                .containsExactly("availabilityGroup.listener.name");
    }

    @Test
    void twoServersMayNotShareAName() {
        assertThat(pathsAfter("name: CC2K125ECEWB", "name: cc2k125ecewa")).containsExactly("sides.b.web.name");
    }

    @Test
    void theClusterMayNotTakeTheNameOfAServer() {
        assertThat(pathsAfter("name: CC2K125ECEFOC", "name: CC2K125ECEAA")).containsExactly("cluster.name");
    }

    @ParameterizedTest(name = "{0} is reported at {1}")
    @CsvSource(delimiter = '|', value = {
        "ip: 14.10.163.168 | ip: 14.10.162.168 | sides.a.collocated.ip",
        "ip: 14.10.172.255 | ip: 14.10.172.169 | sides.b.web.ip",
        "ip: 14.10.172.0 | ip: 14.10.172.168 | sides.b.collocated.ip",
        "ip: 14.10.162.300 | ip: 14.10.162.169 | sides.a.web.ip"})
    void aServerAddressIsAHostAddressOfItsSidesSubnet(String replacement, String original, String path) {
        assertThat(pathsAfter(original, replacement)).containsExactly(path);
    }

    @Test
    void aClusterAddressIsInsideTheSubnetOfItsSide() {
        assertThat(pathsAfter("    b: 14.10.172.170", "    b: 14.10.162.175")).containsExactly("cluster.ips.b");
    }

    @Test
    void aListenerAddressIsInsideTheSubnetOfItsSide() {
        assertThat(pathsAfter("      a: 14.10.162.161", "      a: 14.10.172.161"))
                .containsExactly("availabilityGroup.listener.ips.a");
    }

    @ParameterizedTest(name = "{0} instead of {1} is reported at {2}")
    @CsvSource(delimiter = '|', value = {
        "a: 14.10.162.170 | a: 14.10.162.161 | availabilityGroup.listener.ips.a",
        "b: 14.10.172.169 | b: 14.10.172.171 | availabilityGroup.listener.ips.b",
        "a: 14.10.162.168 | a: 14.10.162.170 | cluster.ips.a",
        "virtualIp: 14.10.162.170 | virtualIp: 14.10.162.96 | loadBalancer.virtualIp"})
    void anAddressIsUsedOnlyOnce(String replacement, String original, String path) {
        assertThat(pathsAfter(original, replacement)).containsExactly(path);
    }

    @ParameterizedTest(name = "{0} instead of {1} is reported at {2}")
    @CsvSource(delimiter = '|', value = {
        "port: 0 | port: 1433 | availabilityGroup.listener.port",
        "endpointPort: 65536 | endpointPort: 5022 | availabilityGroup.endpointPort",
        "jettyPort: -1 | jettyPort: 9001 | ece.jettyPort",
        "port: 70000 | port: 5986 | connections.port"})
    void aPortIsBetween1And65535(String replacement, String original, String path) {
        assertThat(pathsAfter(original, replacement)).containsExactly(path);
    }

    @Test
    void aServersOwnConnectionPortIsBlamedOnTheServer() {
        assertThat(pathsAfter("      applicationServer: CC2K125ECEAA",
                "      applicationServer: CC2K125ECEAA\n      connection: { port: 0 }"))
                .containsExactly("sides.a.web.connection.port");
    }

    @ParameterizedTest(name = "{0} instead of {1} is reported at {2}")
    @CsvSource(delimiter = '|', value = {
        "eceHome: 'E:\\ECE\\' | eceHome: 'E:\\ECE' | paths.eceHome",
        "sqlData: 'F:\\MSSQL\\Da?ta' | sqlData: 'F:\\MSSQL\\Data' | paths.sqlData",
        "ssisDirectory: 'ssis_data' | ssisDirectory: 'E:\\ssis_data' | paths.ssisDirectory",
        "sqlBackups: 'F:/MSSQL/Backups' | sqlBackups: 'F:\\MSSQL\\Backups' | paths.sqlBackups",
        "localPath: 'C:\\DFS\\\\Roots' | localPath: 'C:\\DFSRoots' | dfs.localPath",
        "mediaPath: '\\\\massivedynamic.com' | mediaPath: '\\\\massivedynamic.com\\ECE_Root\\Media\\ECE_12.5' | ece.mediaPath"})
    void aPathIsAWellFormedWindowsOrUncPath(String replacement, String original, String path) {
        assertThat(pathsAfter(original, replacement)).containsExactly(path);
    }

    @Test
    void aPathMustBeOnADriveTheServerHas() {
        assertThat(pathsAfter("webEceHome: 'C:\\ECE'", "webEceHome: 'E:\\ECE'")).containsExactly("paths.webEceHome");
    }

    @ParameterizedTest(name = "shared directory {0} with ECE home {1}")
    @CsvSource(delimiter = '|', value = {
        "E:\\ECE | E:\\ECE",
        "E:\\ece\\File | E:\\ECE",
        "E:\\ECEFile | E:\\ECEFile\\ECE"})
    void theSharedDirectoryIsNeitherTheEceHomeNorNestedWithIt(String shared, String home) {
        String yaml = massiveDynamicWith("sharedDirectory: 'E:\\ECEFile'", "sharedDirectory: '" + shared + "'")
                .replace("  eceHome: 'E:\\ECE'", "  eceHome: '" + home + "'");
        assertThat(Inventories.paths(Inventories.problemsOf(dir, yaml))).containsExactly("paths.sharedDirectory");
    }

    @Test
    void aSharedDirectoryBesideTheEceHomeIsFineEvenIfItsNameStartsTheSame() {
        assertThat(pathsAfter("sharedDirectory: 'E:\\ECEFile'", "sharedDirectory: 'E:\\ECE2'")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\\\CC2K125ECEAA\\ECE_Root\\ECE", "\\\\massivedynamic.com\\ECE_Root", "\\\\massivedynamic.com\\ECE_Root\\ECE\\More"})
    void theDfsPathIsTheDomainThenARootThenAFolder(String dfsPath) {
        assertThat(pathsAfter("path: '\\\\massivedynamic.com\\ECE_Root\\ECE'", "path: '" + dfsPath + "'"))
                .containsExactly("dfs.path");
    }

    @Test
    void bothReplicasUseTheSameSqlInstanceName() {
        assertThat(pathsAfter("      ip: 14.10.172.168\n      sqlInstance: MSSQLSERVER", "      ip: 14.10.172.168\n      sqlInstance: ECE"))
                .containsExactly("sides.b.collocated.sqlInstance");
    }

    @Test
    void aStaticSqlPortIsAPort() {
        assertThat(pathsAfter("      ip: 14.10.172.168\n      sqlInstance: MSSQLSERVER",
                "      ip: 14.10.172.168\n      sqlInstance: MSSQLSERVER\n      sqlPort: 70000"))
                .containsExactly("sides.b.collocated.sqlPort");
    }

    @Test
    void aStaticSqlPortIsWhereTheRunbookConnects() {
        Estate estate = Inventories.repositoryWith(dir, "massivedynamic", massiveDynamicWith(
                "      ip: 14.10.172.168\n      sqlInstance: MSSQLSERVER",
                "      ip: 14.10.172.168\n      sqlInstance: MSSQLSERVER\n      sqlPort: 14330")).load("massivedynamic");
        assertThat(estate.sideB().collocated().sqlPort()).isEqualTo(14330);
        assertThat(estate.sideA().collocated().sqlPort()).as("none written: SQL Browser or 1433").isNull();
    }

    @Test
    void theSitesPortIsAPortAndTheUrlsCarryItWhenItIsNot443() {
        assertThat(pathsAfter("  serviceName: Cisco\n", "  serviceName: Cisco\n  httpsPort: 0\n")).containsExactly("ece.httpsPort");
        Estate estate = Inventories.repositoryWith(dir, "massivedynamic", massiveDynamicWith("  serviceName: Cisco\n",
                "  serviceName: Cisco\n  httpsPort: 8443\n")).load("massivedynamic");
        assertThat(estate.ece().siteUrl()).isEqualTo("https://ece.massivedynamic.com:8443");
        assertThat(estate.ece().siteAuthority()).isEqualTo("ece.massivedynamic.com:8443");
        Estate sample = Inventories.repositoryWith(dir, "massivedynamic", Inventories.massiveDynamic()).load("massivedynamic");
        assertThat(sample.ece().httpsPort()).as("the document's").isEqualTo(443);
        assertThat(sample.ece().siteUrl()).isEqualTo("https://ece.massivedynamic.com");
    }

    @ParameterizedTest(name = "version {0} is unknown")
    @ValueSource(strings = {"12.3", "11.6", "13.0", "12", "12.5.1", "latest"})
    void anUnknownEceVersionIsReported(String version) {
        assertThat(pathsAfter("version: \"12.5\"", "version: \"" + version + "\"")).containsExactly("ece.version");
    }

    @ParameterizedTest(name = "version {0} is known")
    @ValueSource(strings = {"12.0", "12.5", "12.6", "12.10"})
    void version12Point0And12Point5AndLater12AreKnown(String version) {
        assertThat(pathsAfter("version: \"12.5\"", "version: \"" + version + "\"")).isEmpty();
    }

    @Test
    void aWebServerForwardsToTheCollocatedServerOfItsOwnSide() {
        assertThat(pathsAfter("applicationServer: CC2K125ECEAA", "applicationServer: CC2K125ECEAB"))
                .containsExactly("sides.a.web.applicationServer");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"massive_dynamic.com", "massivedynamic", "massivedynamic.123", "-massive.com"})
    void theDomainIsAFullyQualifiedDnsName(String fqdn) {
        assertThat(pathsAfter("  fqdn: massivedynamic.com", "  fqdn: " + fqdn)).contains("domain.fqdn");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"OU=ECE Cluster,DC=otherdomain,DC=com", "OU=ECE Cluster,DC=massivedynamic", "ECE Cluster",
        "DC=massivedynamic,DC=com", "OU=ECE Cluster,DC=massivedynamic,DC=com,DC=net"})
    void theOrganizationalUnitIsADistinguishedNameInTheDomain(String ou) {
        assertThat(pathsAfter("organizationalUnit: OU=ECE Cluster,DC=massivedynamic,DC=com", "organizationalUnit: " + ou))
                .containsExactly("domain.organizationalUnit");
    }

    @Test
    void theOrganizationalUnitMayBeNestedAndWrittenInAnyCase() {
        assertThat(pathsAfter("organizationalUnit: OU=ECE Cluster,DC=massivedynamic,DC=com",
                "organizationalUnit: OU=ECE,OU=Servers, dc=MassiveDynamic,DC=com")).isEmpty();
    }

    @ParameterizedTest(name = "patchStepEstimates {0} is reported at {1}")
    @CsvSource(delimiter = '|', value = {
        "stopServices: ten minutes | patchStepEstimates.stopServices",
        "stopServices: PT0M | patchStepEstimates.stopServices",
        "stopServices: PT25H | patchStepEstimates.stopServices",
        "rollBack: PT10M | patchStepEstimates.rollBack"})
    void aPatchStepEstimateIsAPositiveDurationOfAtMostADayForAKnownStep(String replacement, String path) {
        assertThat(pathsAfter("  stopServices: PT10M", "  " + replacement)).containsExactly(path);
    }

    @Test
    void patchStepEstimatesAreOptionalAndDefaultToTheDocumentsFigures() {
        String sample = Inventories.massiveDynamic();
        String withoutEstimates = sample.substring(0, sample.indexOf("patchStepEstimates:"));
        EstateRepository repository = Inventories.repositoryWith(dir, "massivedynamic", withoutEstimates);
        assertThat(repository.problems("massivedynamic")).isEmpty();
        assertThat(repository.load("massivedynamic").patchStepEstimates()).isEqualTo(PatchStepEstimates.DEFAULTS);
        String shorter = Inventories.massiveDynamicWith("  installPatch: PT20M", "  installPatch: PT7M");
        var estimates = Inventories.repositoryWith(dir, "massivedynamic", shorter).load("massivedynamic").patchStepEstimates();
        assertThat(estimates.of("installPatch")).isEqualTo(java.time.Duration.ofMinutes(7));
        assertThat(estimates.of("stopServices")).isEqualTo(java.time.Duration.ofMinutes(10));
    }

    @Test
    void theSsisCatalogCredentialIsACredentialReference() {
        assertThat(pathsAfter("  pcce: true\n", "  pcce: true\n  ssisCatalogCredential: 'SSIS Catalog!'\n"))
                .containsExactly("ece.ssisCatalogCredential");
    }

    @Test
    void theSsisCatalogCredentialDefaultsToSsisCatalog() {
        assertThat(Inventories.repositoryWith(dir, "massivedynamic", Inventories.massiveDynamic()).load("massivedynamic")
                .ece().ssisCatalogCredential()).isEqualTo(new CredentialRef("ssis-catalog"));
        String other = massiveDynamicWith("  pcce: true\n", "  pcce: true\n  ssisCatalogCredential: ece-ssis-catalog\n");
        assertThat(Inventories.problemsOf(dir, other)).isEmpty();
        assertThat(Inventories.repositoryWith(dir, "massivedynamic", other).load("massivedynamic").ece().ssisCatalogCredential())
                .isEqualTo(new CredentialRef("ece-ssis-catalog"));
    }

    @Test
    void onlyEce12Point0TakesTheReportsUtilityFromThePatch() {
        assertThat(Inventories.repositoryWith(dir, "massivedynamic", massiveDynamicWith("version: \"12.5\"", "version: \"12.0\""))
                .load("massivedynamic").ece().reportsUtilityOnMedia()).isFalse();
        assertThat(Inventories.repositoryWith(dir, "massivedynamic", massiveDynamicWith("version: \"12.5\"", "version: \"12.6\""))
                .load("massivedynamic").ece().reportsUtilityOnMedia()).isTrue();
    }
}
