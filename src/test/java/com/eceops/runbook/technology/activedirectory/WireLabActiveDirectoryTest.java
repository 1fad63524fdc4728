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
        ActiveDirectoryOperations overTheWire = readsOverTheWire(wire);
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

    /**
     * The real implementation's reading of the wire lab's JSON, for the two reads the checks make; a change is not a
     * check's business and is refused.
     */
    private static ActiveDirectoryOperations readsOverTheWire(WireLabActiveDirectory wire) {
        java.util.function.Function<PowerShellScript, Object> answer = script -> wire.answer(
                WireScript.recognise(script.text(), WireScript.knownBodies()).orElseThrow()).orElseThrow();
        return (ActiveDirectoryOperations) java.lang.reflect.Proxy.newProxyInstance(ActiveDirectoryOperations.class.getClassLoader(),
                new Class<?>[] {ActiveDirectoryOperations.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "readObject" -> PowerShellActiveDirectoryOperations.toDirectoryObject((String) args[0], JSON.convertValue(
                            answer.apply(ActiveDirectoryScripts.readObject((String) args[0])), DirectoryAnswers.AdObject.class));
                    case "findServicePrincipalName" -> ((List<?>) ((Map<?, ?>) answer.apply(
                            ActiveDirectoryScripts.findServicePrincipalName((String) args[0]))).get("names")).stream()
                            .map(String::valueOf).toList();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
