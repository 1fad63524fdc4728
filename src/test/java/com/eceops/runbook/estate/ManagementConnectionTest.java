package com.eceops.runbook.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** domain.managementConnection: how a live run reaches the host that runs the Active Directory steps. */
class ManagementConnectionTest {

    private static final String OU_LINE = "  organizationalUnit: OU=ECE Cluster,DC=massivedynamic,DC=com\n";

    @TempDir
    Path dir;

    private Estate load(String domainLines) {
        return Inventories.repositoryWith(dir, "massivedynamic", Inventories.massiveDynamicWith(OU_LINE, OU_LINE + domainLines))
                .load("massivedynamic");
    }

    private List<EstateProblem> problems(String domainLines) {
        return Inventories.problemsOf(dir, Inventories.massiveDynamicWith(OU_LINE, OU_LINE + domainLines));
    }

    @Test
    void withoutAManagementHostThereIsNoManagementConnection() {
        assertThat(load("").domain().managementConnection()).isEmpty();
    }

    @Test
    void aManagementHostIsReachedWithTheDefaultsAndTheDomainAdminCredential() {
        Connection connection = load("  managementHost: CC2K125ECEMG\n  domainAdmin: domain-admin\n")
                .domain().managementConnection().orElseThrow();

        assertThat(connection.protocol()).isEqualTo(Connection.Protocol.WINRM_HTTPS);
        assertThat(connection.user()).isEqualTo("ECEInstaller@MASSIVEDYNAMIC.COM");
        assertThat(connection.credential()).isEqualTo(new CredentialRef("domain-admin"));
    }

    @Test
    void theManagementConnectionOverridesTheDefaultsKeyByKey() {
        Connection connection = load("""
                  managementHost: CC2K125ECEMG
                  domainAdmin: domain-admin
                  managementConnection:
                    protocol: ssh
                    user: MASSIVE\\ECEAdmin
                    hostKeyFingerprint: SHA256:abc
                    doubleHop: ssh-password
                """).domain().managementConnection().orElseThrow();

        assertThat(connection.protocol()).isEqualTo(Connection.Protocol.SSH);
        assertThat(connection.port()).isEqualTo(22);
        assertThat(connection.user()).isEqualTo("MASSIVE\\ECEAdmin");
        assertThat(connection.hostKeyFingerprint()).contains("SHA256:abc");
        assertThat(connection.doubleHop()).contains(Connection.DoubleHop.SSH_PASSWORD);
        assertThat(connection.credential()).as("always the domain admin's").isEqualTo(new CredentialRef("domain-admin"));
    }

    @Test
    void aManagementHostThatIsAnEstateServerKeepsThatServersConnection() {
        Estate estate = load("  managementHost: CC2K125ECEAA\n  domainAdmin: domain-admin\n");

        assertThat(estate.domain().managementConnection()).isEmpty();
    }

    @Test
    void aManagementConnectionWithoutAManagementHostIsReported() {
        assertThat(problems("  managementConnection:\n    doubleHop: scheduled-task\n"))
                .extracting(EstateProblem::path, EstateProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("domain.managementConnection",
                        "managementConnection is only read together with managementHost"));
    }

    @Test
    void anUnknownKeyInTheManagementConnectionIsReportedWithItsPath() {
        assertThat(Inventories.paths(problems("  managementHost: CC2K125ECEMG\n  managementConnection:\n    protocl: ssh\n")))
                .containsExactly("domain.managementConnection.protocl");
    }
}
