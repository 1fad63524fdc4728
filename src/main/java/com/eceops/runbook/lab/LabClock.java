package com.eceops.runbook.lab;

import java.time.Instant;

/** The lab's virtual time; simulated work (restarts, service ramps, replication) is measured against it. */
public interface LabClock {

    Instant now();
}
