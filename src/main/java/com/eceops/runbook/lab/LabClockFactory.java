package com.eceops.runbook.lab;

/** Makes the clock of a lab being opened; {@code persisted} is the saved anchor of a reloaded lab, or null. */
@FunctionalInterface
public interface LabClockFactory {

    LabClock clockFor(LabScenario scenario, ClockAnchor persisted);
}
