package com.eceops.runbook.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins are slowed ({@code runbook.login.*}, environment {@code RUNBOOK_LOGIN_*}). After the n-th
 * failure in a row for one user name from one client address, that pair waits {@code delayInitial * 2^(n-1)},
 * at most {@code delayMax}. At most {@code trackedKeys} pairs are remembered (the oldest failure is forgotten
 * first), and a pair without a failure for {@code forgetAfter} is forgotten.
 */
@ConfigurationProperties("runbook.login")
public record LoginProperties(Duration delayInitial, Duration delayMax, Integer trackedKeys, Duration forgetAfter) {

    public LoginProperties {
        delayInitial = positive(delayInitial, Duration.ofSeconds(1));
        delayMax = positive(delayMax, Duration.ofSeconds(30));
        if (delayMax.compareTo(delayInitial) < 0) {
            delayMax = delayInitial;
        }
        trackedKeys = trackedKeys == null || trackedKeys < 1 ? 10_000 : trackedKeys;
        forgetAfter = positive(forgetAfter, Duration.ofMinutes(15));
        if (forgetAfter.compareTo(delayMax) < 0) {
            forgetAfter = delayMax;
        }
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
