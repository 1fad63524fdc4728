package com.eceops.runbook.procedure.patch;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;

import com.eceops.runbook.estate.PatchWindow;

/** Pure computations of a patch's window: the next recurring window, and an explicit window checked. */
public final class PatchSchedule {

    private PatchSchedule() {
    }

    /** A concrete window: opens at {@code start}, closes at {@code end}, described in its zone. */
    public record Window(ZonedDateTime start, ZonedDateTime end) {
        public String describe() {
            return start.toLocalDateTime() + " to " + end.toLocalDateTime() + " " + start.getZone().getId();
        }
    }

    /**
     * The first opening of the recurring window strictly after {@code now}. The local start time is kept on a
     * daylight-saving change: a start inside the spring gap moves forward by the gap (as {@link ZonedDateTime#of}
     * does), a start in the autumn overlap takes the earlier offset. The length is elapsed time, so a window over
     * a change ends at the same instant as its hours say.
     */
    public static Window nextOpening(PatchWindow recurring, Instant now) {
        ZonedDateTime here = now.atZone(recurring.zone());
        LocalDate day = here.toLocalDate().with(TemporalAdjusters.nextOrSame(recurring.day()));
        ZonedDateTime start = ZonedDateTime.of(day, recurring.start(), recurring.zone());
        if (!start.toInstant().isAfter(now)) {
            start = ZonedDateTime.of(day.plusWeeks(1), recurring.start(), recurring.zone());
        }
        return new Window(start, start.plus(recurring.length()));
    }

    /** The earliest next opening among the estate's recurring windows. */
    public static Window nextOpening(List<PatchWindow> recurring, Instant now) {
        if (recurring == null || recurring.isEmpty()) {
            throw new IllegalArgumentException("the estate's inventory defines no patchWindows: give the window's"
                    + " start, end and time zone instead");
        }
        return recurring.stream().map(w -> nextOpening(w, now))
                .min(Comparator.comparing(w -> w.start().toInstant())).orElseThrow();
    }

    /**
     * An explicit window from the form's local date-times ({@code 2026-11-28T22:00}) and zone id; refused with a
     * message naming the field when the zone is unknown, a time unreadable or in a daylight-saving gap, the end not
     * after the start, or the start not in the future.
     */
    public static Window explicit(String startText, String endText, String zoneText, Instant now) {
        ZoneId zone = zone(zoneText);
        ZonedDateTime start = local("windowStart", startText, zone);
        ZonedDateTime end = local("windowEnd", endText, zone);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("windowEnd: the window must end after it starts (" + start.toLocalDateTime()
                    + " to " + end.toLocalDateTime() + " " + zone.getId() + ")");
        }
        if (!start.toInstant().isAfter(now)) {
            throw new IllegalArgumentException("windowStart: " + start.toLocalDateTime() + " " + zone.getId()
                    + " is not in the future");
        }
        return new Window(start, end);
    }

    private static ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("windowZone: give the window's time zone, such as Europe/Berlin");
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("windowZone: '" + text.trim() + "' is not a time zone (such as Europe/Berlin)");
        }
    }

    private static ZonedDateTime local(String field, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + ": give a date and time such as 2026-11-28T22:00");
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text.trim() + "' is not a date and time such as 2026-11-28T22:00");
        }
        if (!zone.getRules().isValidOffset(local, zone.getRules().getOffset(local))
                || zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new IllegalArgumentException(field + ": " + local + " does not exist in " + zone.getId()
                    + " (the clocks skip it for daylight saving time)");
        }
        return ZonedDateTime.of(local, zone);
    }

    /** An ISO-8601 lead time such as PT24H, positive. */
    public static Duration leadTime(String field, Object value, Duration fallback) {
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            Duration lead = Duration.parse(value.toString().trim());
            if (lead.isNegative() || lead.isZero()) {
                throw new IllegalArgumentException(field + ": a lead time must be positive, such as PT24H");
            }
            return lead;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a duration such as PT24H or PT4H");
        }
    }
}
