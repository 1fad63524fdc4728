package com.eceops.runbook.lab;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** The application's clocks: scaled by the scenario's {@code clockSpeed}, resumed from a saved anchor. */
@Component
class ScaledLabClocks implements LabClockFactory {

    @Override
    public LabClock clockFor(LabScenario scenario, ClockAnchor persisted) {
        return persisted != null
                ? new ScaledClock(Clock.systemUTC(), persisted)
                : ScaledClock.startingNow(Clock.systemUTC(), scenario.clockSpeed());
    }
}
