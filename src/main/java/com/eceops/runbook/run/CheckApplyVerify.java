package com.eceops.runbook.run;

import java.util.function.Predicate;
import java.util.function.Supplier;

import com.eceops.runbook.operations.OperationFailedException;

/**
 * The idempotent "check, apply, verify" of a single item, which steps would otherwise each write out again.
 * Why one place: a step may be re-run after an incident, so it must apply only what is not done yet and must
 * prove by reading back that it is done now; keeping that sequence and its incident message here means every
 * step that uses it reads the state the same number of times and fails with the same wording.
 */
public final class CheckApplyVerify {

    private CheckApplyVerify() {
    }

    /**
     * Reads the state; if it is not done, applies and reads again; if the read-back is still not done, throws
     * {@code OperationFailedException(host, "verify " + what, "found " + after)}.
     *
     * @return whether {@code apply} ran
     */
    public static <T> boolean ensure(String host, String what, Supplier<T> read, Predicate<? super T> done,
            Runnable apply) {
        boolean change = !done.test(read.get());
        if (change) {
            apply.run();
        }
        T after = read.get();
        if (!done.test(after)) {
            throw new OperationFailedException(host, "verify " + what, "found " + after);
        }
        return change;
    }
}
