package com.eceops.runbook.technology.activedirectory;

import static org.assertj.core.api.Assertions.assertThat;

import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;
import com.eceops.runbook.procedure.activedirectory.ActiveDirectoryItems;
import com.eceops.runbook.technology.powershell.PowerShellScript;
import com.eceops.runbook.technology.powershell.WireScript;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The wire lab's answer to the AD read script, read back the way the real implementation reads it, is the object the
 * lab holds: so every pre-2 check decides over the wire as it decides on the lab, before and after the domain
 * administrators' work.
 */
class WireLabActiveDirectoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPre2CheckDecidesOverTheWireAsOnTheLab() throws Exception {
        RehearsalLab lab = new RehearsalLabs(new DriverManagerDataSource("jdbc:h2:mem:wiread-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "sa", ""), (scenario, anchor) -> Instant::now).open("wire-ad",
                new EstateRepository(new EstateProperties(Path.of("estates"), Path.of("secrets/none.properties"))).load("massivedynamic"),
                LabScenario.defaults().withDurationScale(0));
        WireLabActiveDirectory wire = new WireLabActiveDirectory(lab.activeDirectory(), lab.estate().domain().netbios());
        ActiveDirectoryOperations overTheWire = new ReadsOverTheWire(wire);
        List<ActiveDirectoryItems.Item> items = ActiveDirectoryItems.of(lab.estate()).all();
        for (ActiveDirectoryItems.Item item : items) {
            assertThat(item.missing().apply(overTheWire)).as(item.instruction()).isEqualTo(item.missing().apply(lab.activeDirectory()))
                    .isPresent();
        }
        // The domain administrators work through the checklist (the by-hand task).
        items.forEach(item -> item.apply().apply(lab.activeDirectory()));
        for (ActiveDirectoryItems.Item item : items) {
            assertThat(item.missing().apply(overTheWire)).as(item.instruction()).isEmpty();
        }
    }

    /** The real implementation's reading of the wire lab's JSON, for the reads the checks make. */
    private record ReadsOverTheWire(WireLabActiveDirectory wire) implements ActiveDirectoryOperations {

        private Object answer(PowerShellScript script) {
            WireScript read = WireScript.recognise(script.text(), WireScript.knownBodies()).orElseThrow();
            return wire.answer(read).orElseThrow();
        }

        @Override
        public DirectoryObject readObject(String name) {
            Object answer = answer(ActiveDirectoryScripts.readObject(name));
            return PowerShellActiveDirectoryOperations.toDirectoryObject(name, JSON.convertValue(answer, DirectoryAnswers.AdObject.class));
        }

        @Override
        public List<String> findServicePrincipalName(String spn) {
            Map<?, ?> answer = (Map<?, ?>) answer(ActiveDirectoryScripts.findServicePrincipalName(spn));
            return ((List<?>) answer.get("names")).stream().map(String::valueOf).toList();
        }

        @Override
        public com.eceops.runbook.operations.Change ensureServiceUser(String account, com.eceops.runbook.estate.CredentialRef password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.eceops.runbook.operations.Change ensureOrganizationalUnit(String distinguishedName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.eceops.runbook.operations.Change prestageClusterNameObject(String computerName, String organizationalUnit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.eceops.runbook.operations.Change grantFullControlOnComputerObject(String computerName, String account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.eceops.runbook.operations.Change grantCreateDeleteComputerObjects(String organizationalUnit, String computerName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.eceops.runbook.operations.Change registerServicePrincipalName(String account, String spn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.eceops.runbook.operations.Change trustForDelegationKerberosOnly(String objectName) {
            throw new UnsupportedOperationException();
        }
    }
}
