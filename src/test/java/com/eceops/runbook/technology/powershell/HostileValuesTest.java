package com.eceops.runbook.technology.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * No value escapes its literal: a script rendered with hostile values has exactly the code of the same script
 * rendered with the sample estate's values, and each literal reads back as the value that was given.
 */
class HostileValuesTest {

    @Test
    void eachHostileValueReadsBackFromItsLiteral() {
        for (String value : ScriptValues.HOSTILE) {
            List<String> literals = LiteralScanner.scan(PowerShellLiteral.quote(value)).literals();
            assertThat(literals).containsExactly(value);
        }
    }

    @Test
    void hostileValuesChangeNoScriptCodeOnlyItsLiterals() {
        List<PowerShellScript> sample = ScriptCatalog.all(ScriptValues.of(ScriptValues.sampleEstate()));
        for (int h = 0; h < ScriptValues.HOSTILE.size(); h++) {
            List<PowerShellScript> hostile = ScriptCatalog.all(ScriptValues.hostile(h));
            assertThat(hostile).hasSameSizeAs(sample);
            for (int i = 0; i < sample.size(); i++) {
                LiteralScanner.Scanned expected = LiteralScanner.scan(sample.get(i).text());
                LiteralScanner.Scanned actual = LiteralScanner.scan(hostile.get(i).text());
                assertThat(actual.code()).as("code of %s with %s", hostile.get(i).operation(), ScriptValues.HOSTILE.get(h))
                        .isEqualTo(expected.code());
                assertThat(actual.literals()).containsAll(literalValues(hostile.get(i)));
            }
        }
    }

    @Test
    void aNulCannotBeRendered() {
        assertThatThrownBy(() -> PowerShellLiteral.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParameterCannotShadowAnAutomaticVariable() {
        assertThatThrownBy(() -> PowerShellScript.of("x", "$Host").with("Host", "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> literalValues(PowerShellScript script) {
        List<String> values = new ArrayList<>();
        script.parameters().values().forEach(value -> {
            if (value instanceof List<?> list) {
                list.stream().filter(String.class::isInstance).forEach(item -> values.add((String) item));
            } else if (value instanceof String text) {
                values.add(text);
            }
        });
        return values;
    }
}
