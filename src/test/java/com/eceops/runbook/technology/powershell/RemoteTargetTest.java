package com.eceops.runbook.technology.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;

/** The targets of a run: the four servers, and the domain's management host when the AD steps run there. */
class RemoteTargetTest {

    private static final String OU_LINE = "  organizationalUnit: OU=ECE Cluster,DC=massivedynamic,DC=com\n";

    @TempDir
    Path dir;

    @Test
    void theSampleEstateHasItsFourServers() {
        assertThat(RemoteTarget.of(ScriptValues.sampleEstate())).extracting(RemoteTarget::host)
                .containsExactlyInAnyOrder("CC2K125ECEAA", "CC2K125ECEAB", "CC2K125ECEWA", "CC2K125ECEWB");
    }

    @Test
    void theManagementHostIsATargetReachedByItsFqdnAsTheDomainAdmin() throws Exception {
        List<RemoteTarget> targets = RemoteTarget.of(estateWith(OU_LINE + "  managementHost: CC2K125ECEMG\n"
                + "  domainAdmin: domain-admin\n  managementConnection:\n    doubleHop: resource-owner\n"));

        RemoteTarget management = targets.stream().filter(t -> t.host().equals("CC2K125ECEMG")).findFirst().orElseThrow();
        assertThat(targets).hasSize(5);
        assertThat(management.address()).isEqualTo("CC2K125ECEMG.massivedynamic.com");
        assertThat(management.connection().credential()).isEqualTo(new CredentialRef("domain-admin"));
        assertThat(management.connection().doubleHop()).contains(Connection.DoubleHop.RESOURCE_OWNER);
    }

    @Test
    void aManagementHostThatIsAnEstateServerIsNotASecondTarget() throws Exception {
        assertThat(RemoteTarget.of(estateWith(OU_LINE + "  managementHost: CC2K125ECEAA\n  domainAdmin: domain-admin\n")))
                .hasSize(4);
    }

    private Estate estateWith(String domainLines) throws Exception {
        String sample = Files.readString(Path.of("estates/massivedynamic.yaml"));
        Files.writeString(dir.resolve("massivedynamic.yaml"), sample.replace(OU_LINE, domainLines));
        return new EstateRepository(new EstateProperties(dir, dir.resolve("secrets.properties"))).load("massivedynamic");
    }
}
