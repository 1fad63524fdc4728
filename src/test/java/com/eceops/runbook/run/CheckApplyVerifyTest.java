package com.eceops.runbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.operations.OperationFailedException;

class CheckApplyVerifyTest {

    @Test
    void alreadyDoneReadsTwiceAndDoesNotApply() {
        List<String> calls = new ArrayList<>();
        boolean changed = CheckApplyVerify.ensure("HOST", "it", () -> { calls.add("read"); return 1; }, v -> v == 1,
                () -> calls.add("apply"));
        assertThat(changed).isFalse();
        assertThat(calls).containsExactly("read", "read");
    }

    @Test
    void notDoneAppliesOnceThenVerifies() {
        AtomicInteger state = new AtomicInteger();
        List<String> calls = new ArrayList<>();
        boolean changed = CheckApplyVerify.ensure("HOST", "it", () -> { calls.add("read"); return state.get(); },
                v -> v == 1, () -> { calls.add("apply"); state.set(1); });
        assertThat(changed).isTrue();
        assertThat(calls).containsExactly("read", "apply", "read");
    }

    @Test
    void readBackNotDoneFailsWithTheVerifyMessage() {
        assertThatThrownBy(() -> CheckApplyVerify.ensure("HOST", "the namespace", () -> "state", v -> false, () -> { }))
                .isInstanceOf(OperationFailedException.class)
                .hasMessage("HOST: verify the namespace failed: found state");
    }
}
