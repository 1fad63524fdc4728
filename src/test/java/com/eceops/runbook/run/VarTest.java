package com.eceops.runbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import java.lang.reflect.Proxy;
import java.util.HashMap;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

class VarTest {

    private final Map<String, Object> values = new HashMap<>();
    /** A variable scope over a map: the four calls a Var makes. */
    private final VariableScope scope = (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(),
            new Class<?>[] {VariableScope.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getVariable" -> values.get((String) args[0]);
                case "setVariable", "setVariableLocal" -> values.put((String) args[0], args[1]);
                case "removeVariable" -> values.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void aValueWrittenIsReadBackWithItsType() {
        Var<List<String>> hosts = Var.listOf("hosts", String.class);
        hosts.set(scope, List.of("CC2K125ECEAA", "CC2K125ECEBA"));
        assertThat(hosts.in(scope)).containsExactly("CC2K125ECEAA", "CC2K125ECEBA");
        assertThat(scope.getVariable("hosts")).isEqualTo(List.of("CC2K125ECEAA", "CC2K125ECEBA"));
    }

    @Test
    void numbersFromRestOrFormsAreTakenAsTheWholeNumbersTheyAre() {
        scope.setVariable("pollCount", 3L);
        assertThat(Var.integer("pollCount").in(scope)).isEqualTo(3);
        scope.setVariable("bytes", 7);
        assertThat(Var.whole("bytes").in(scope)).isEqualTo(7L);
    }

    @Test
    void aMissingVariableIsNamedAndAnOptionalOneIsEmpty() {
        assertThatThrownBy(() -> Var.string("estate").in(scope))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'estate' is missing");
        assertThat(Var.bool("settled").from(scope)).isEmpty();
        assertThat(Var.bool("settled").orElse(scope, false)).isFalse();
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWithTheVariablesName() {
        scope.setVariable("settled", "yes");
        assertThatThrownBy(() -> Var.bool("settled").in(scope))
                .hasMessage("process variable 'settled' holds a String where a Boolean belongs");
        scope.setVariable("counts", Map.of("A", "twenty"));
        assertThatThrownBy(() -> Var.mapOf("counts", Integer.class).in(scope))
                .hasMessageContaining("'counts' holds a");
        scope.setVariable("big", 1L << 40);
        assertThatThrownBy(() -> Var.integer("big").in(scope)).hasMessageContaining("where a Integer belongs");
    }

    @Test
    void aWholeNumberTypedAsTextIsTakenAndABlankOneIsNoValue() {
        scope.setVariable("backupSpaceGb", " 200 ");
        assertThat(Var.whole("backupSpaceGb").in(scope)).isEqualTo(200L);
        scope.setVariable("backupSpaceGb", "");
        assertThat(Var.whole("backupSpaceGb").orElse(scope, 20L)).isEqualTo(20L);
        scope.setVariable("backupSpaceGb", "lots");
        assertThatThrownBy(() -> Var.whole("backupSpaceGb").in(scope))
                .hasMessage("process variable 'backupSpaceGb' holds 'lots' where a whole number belongs");
    }

    @Test
    void aPersonsAnswerOfAnotherTypeIsNoAnswer() {
        scope.setVariable("gadgetLoginWorked", "yes");
        assertThat(Var.bool("gadgetLoginWorked").answerIn(scope)).isEmpty();
        scope.setVariable("gadgetLoginWorked", false);
        assertThat(Var.bool("gadgetLoginWorked").answerIn(scope)).contains(false);
    }

    @Test
    void aLoopsPollsAreCountedFromWhatAFormOrAnEarlierCheckLeft() {
        assertThat(RunVariables.countPoll(scope)).isEqualTo(1);
        scope.setVariable("pollCount", 4L);
        assertThat(RunVariables.countPoll(scope)).isEqualTo(5);
        assertThat(scope.getVariable("pollCount")).isEqualTo(5);
    }
}
