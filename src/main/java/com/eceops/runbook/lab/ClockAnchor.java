package com.eceops.runbook.lab;

import java.time.Instant;

/** Pins virtual time to real time: at {@code real} it was {@code virtual}, and it runs {@code speed} times faster. */
public record ClockAnchor(Instant real, Instant virtual, double speed) {
}
