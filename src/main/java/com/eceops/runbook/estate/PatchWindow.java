package com.eceops.runbook.estate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** A recurring maintenance window, for example Saturday 22:00 for 4 hours in Europe/Berlin. */
public record PatchWindow(DayOfWeek day, LocalTime start, Duration length, ZoneId zone) {
}
