package com.eceops.runbook.procedure.postinstall;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.run.RunContext;

/**
 * The Cisco service wait is measured by the servers' clock against the document's time, not by how often the loop
 * looked: a slow clock (a rehearsal at six times real time) is waited for, a start past 15 minutes is not.
 */
class CiscoServiceWaitTest {

    private final Map<String, Object> variables = new HashMap<>(Map.of("maxPolls", 3));
    private final DelegateExecution execution = (DelegateExecution) Proxy.newProxyInstance(
            DelegateExecution.class.getClassLoader(), new Class<?>[] {DelegateExecution.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getVariable" -> variables.get((String) args[0]);
                case "setVariable" -> variables.put((String) args[0], args[1]);
                case "removeVariable" -> variables.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T20:00:00Z"));
    private final RunContext run = new RunContext(null, null, null, null, null, null, null, null, null, null, now::get);
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    @Test
    void aStartNotDoneIsWaitedForUntilTheDocumentsTimeHasPassedByTheServersClock() {
        CiscoServiceWait.begin(execution, run);
        for (int look = 1; look <= 14; look++) {
            now.set(now.get().plus(Duration.ofMinutes(1)));
            assertThat(CiscoServiceWait.lookedTooLong(execution, run, false, FIFTEEN_MINUTES)).as("look " + look).isFalse();
        }
        assertThat(variables.get("pollCount")).as("more looks than maxPolls, still waiting").isEqualTo(14);

        now.set(now.get().plus(Duration.ofMinutes(1)));
        assertThat(CiscoServiceWait.lookedTooLong(execution, run, false, FIFTEEN_MINUTES)).isTrue();
        assertThat(variables.get("ciscoWaitedTooLong")).isEqualTo(true);
    }

    @Test
    void aStartThatIsDoneIsNeverTooLong() {
        CiscoServiceWait.begin(execution, run);
        now.set(now.get().plus(Duration.ofHours(2)));
        assertThat(CiscoServiceWait.lookedTooLong(execution, run, true, FIFTEEN_MINUTES)).isFalse();
    }

    @Test
    void aClockThatStandsStillGivesUpAtTenTimesThePollLimit() {
        CiscoServiceWait.begin(execution, run);
        int looks = 0;
        while (!CiscoServiceWait.lookedTooLong(execution, run, false, FIFTEEN_MINUTES)) {
            looks++;
        }
        assertThat(looks + 1).isEqualTo(3 * CiscoServiceWait.POLL_LIMITS_WITHOUT_TIME);
    }

    @Test
    void afterTheOperatorsLookTheWaitHasItsWholeAllowanceAgain() {
        CiscoServiceWait.begin(execution, run);
        now.set(now.get().plus(Duration.ofMinutes(16)));
        assertThat(CiscoServiceWait.lookedTooLong(execution, run, false, FIFTEEN_MINUTES)).isTrue();

        // What the look's output mapping does: a new round of checks, with no reference moment yet.
        variables.put("pollCount", 0);
        variables.put("ciscoWaitSince", null);
        assertThat(CiscoServiceWait.lookedTooLong(execution, run, false, FIFTEEN_MINUTES)).as("right after the look").isFalse();
        now.set(now.get().plus(Duration.ofMinutes(14)));
        assertThat(CiscoServiceWait.lookedTooLong(execution, run, false, FIFTEEN_MINUTES)).isFalse();
        now.set(now.get().plus(Duration.ofMinutes(1)));
        assertThat(CiscoServiceWait.lookedTooLong(execution, run, false, FIFTEEN_MINUTES)).isTrue();
    }

    @Test
    void aNewStartCountsFromItsOwnMoment() {
        CiscoServiceWait.begin(execution, run);
        now.set(now.get().plus(Duration.ofMinutes(20)));
        CiscoServiceWait.begin(execution, run);
        assertThat(CiscoServiceWait.lookedTooLong(execution, run, false, FIFTEEN_MINUTES)).isFalse();
        assertThat(variables.get("pollCount")).isEqualTo(1);
    }
}
