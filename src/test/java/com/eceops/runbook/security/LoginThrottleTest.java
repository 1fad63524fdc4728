package com.eceops.runbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The throttle on its own, with a clock the test moves. */
class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginProperties(Duration.ofSeconds(1), Duration.ofSeconds(30), 3, Duration.ofMinutes(15)), now::get);

    @Test
    void theWaitDoublesFromOneSecondUpToTheMaximum() {
        assertThat(throttle.delay(1)).isEqualTo(1_000);
        assertThat(throttle.delay(2)).isEqualTo(2_000);
        assertThat(throttle.delay(5)).isEqualTo(16_000);
        assertThat(throttle.delay(6)).isEqualTo(30_000);
        assertThat(throttle.delay(64)).isEqualTo(30_000);
        assertThat(throttle.delay(Integer.MAX_VALUE)).isEqualTo(30_000);
    }

    @Test
    void aKeyWaitsAfterAFailureAndASuccessForgetsIt() {
        String key = LoginThrottle.key("10.0.0.1", "admin");
        assertThat(throttle.admit(key).admitted()).isTrue();
        assertThat(throttle.failed(key).waitMillis()).isEqualTo(1_000);

        LoginThrottle.Admission refused = throttle.admit(key);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.waitMillis()).isEqualTo(1_000);
        assertThat(refused.firstRefusal()).isTrue();
        assertThat(throttle.admit(key).firstRefusal()).isFalse();

        now.addAndGet(1_000);
        assertThat(throttle.admit(key).admitted()).isTrue();
        assertThat(throttle.succeeded(key)).isEqualTo(1);
        assertThat(throttle.admit(key).admitted()).isTrue();
        assertThat(throttle.trackedKeys()).isZero();
    }

    @Test
    void anAdmittedAttemptIsChargedTheWaitSoParallelGuessesGetOneCheckPerWait() {
        String key = LoginThrottle.key("10.0.0.1", "admin");
        throttle.failed(key);
        now.addAndGet(1_000);
        assertThat(throttle.admit(key).admitted()).isTrue();
        assertThat(throttle.admit(key).admitted()).isFalse();
    }

    @Test
    void otherUsersAndOtherAddressesAreNotSlowedButTheSpellingOfTheNameIs() {
        throttle.failed(LoginThrottle.key("10.0.0.1", "admin"));
        assertThat(throttle.admit(LoginThrottle.key("10.0.0.2", "admin")).admitted()).isTrue();
        assertThat(throttle.admit(LoginThrottle.key("10.0.0.1", "olivia")).admitted()).isTrue();
        assertThat(throttle.admit(LoginThrottle.key("10.0.0.1", " ADMIN ")).admitted()).isFalse();
    }

    @Test
    void memoryIsBoundedTheOldestFailureIsForgottenFirst() {
        for (String user : new String[] {"a", "b", "c", "d"}) {
            throttle.failed(LoginThrottle.key("10.0.0.1", user));
        }
        assertThat(throttle.trackedKeys()).isEqualTo(3);
        assertThat(throttle.evicted()).isEqualTo(1);
        assertThat(throttle.admit(LoginThrottle.key("10.0.0.1", "a")).admitted()).isTrue();
        assertThat(throttle.admit(LoginThrottle.key("10.0.0.1", "d")).admitted()).isFalse();
    }

    @Test
    void aKeyWithoutAFailureForAWhileIsForgotten() {
        String key = LoginThrottle.key("10.0.0.1", "admin");
        for (int i = 0; i < 10; i++) {
            throttle.failed(key);
        }
        now.addAndGet(Duration.ofMinutes(15).toMillis());
        assertThat(throttle.admit(LoginThrottle.key("10.0.0.9", "x")).admitted()).isTrue();
        assertThat(throttle.trackedKeys()).isZero();
    }
}
