package com.eceops.runbook.technology.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.estate.Secret;

/**
 * The wire lab's first half: a server that receives any script the project renders knows which renderer wrote it and
 * with which values, for the sample estate's values and for every hostile value, and knows nothing else.
 */
class WireScriptTest {

    private final Map<String, String> bodies = WireScript.knownBodies();

    @Test
    void everyRenderedScriptIsReadBackAsItsOperationAndItsExactValues() {
        List<ScriptValues> values = new ArrayList<>(List.of(ScriptValues.of(ScriptValues.sampleEstate())));
        for (int i = 0; i < ScriptValues.HOSTILE.size(); i++) {
            values.add(ScriptValues.hostile(i));
        }
        int read = 0;
        for (ScriptValues v : values) {
            for (PowerShellScript script : ScriptCatalog.all(v)) {
                var recognised = WireScript.recognise(script.text(), bodies);
                assertThat(recognised).as(script.operation() + " with " + v).isPresent();
                assertThat(recognised.get().operation()).isEqualTo(script.operation());
                assertThat(recognised.get().parameters()).as(script.operation()).isEqualTo(sent(script.parameters()));
                read++;
            }
        }
        assertThat(read).isGreaterThan(1000);
    }

    @Test
    void aScriptTheProjectDoesNotRenderIsNotRecognised() {
        PowerShellScript known = com.eceops.runbook.technology.windows.HostScripts.restart();
        assertThat(WireScript.recognise(known.text().replace("Restart-Computer -Force", "Restart-Computer"), bodies)).isEmpty();
        assertThat(WireScript.recognise("Restart-Computer -Force\n", bodies)).as("no preamble").isEmpty();
        PowerShellScript injected = com.eceops.runbook.technology.windows.FileScripts.ensureDirectory("E:\\ECEFile");
        assertThat(WireScript.recognise(injected.text().replace("$Path = 'E:\\ECEFile'\n",
                "$Path = 'E:\\ECEFile'\nStop-Computer\n"), bodies)).as("a line that is no value").isEmpty();
    }

    /** The values as the server sees them: secrets in clear (they were sent), numbers as numbers. */
    private static Map<String, Object> sent(Map<String, Object> parameters) {
        Map<String, Object> sent = new LinkedHashMap<>();
        parameters.forEach((name, value) -> sent.put(name, clear(value)));
        return sent;
    }

    private static Object clear(Object value) {
        if (value instanceof Secret secret) {
            return secret.reveal();
        }
        if (value instanceof Long number && number == number.intValue()) {
            return number.intValue();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(WireScriptTest::clear).toList();
        }
        return value;
    }
}
