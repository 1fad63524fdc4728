package com.eceops.runbook.procedure.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.estate.PatchWindow;

class PatchScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final PatchWindow SATURDAY_NIGHT = new PatchWindow(DayOfWeek.SATURDAY, LocalTime.of(22, 0),
            Duration.ofHours(4), BERLIN);

    @Test
    void theNextSaturdayNightInBerlinIsFoundInWinterTime() {
        PatchSchedule.Window next = PatchSchedule.nextOpening(SATURDAY_NIGHT, Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(next.start().toInstant()).isEqualTo(Instant.parse("2026-11-28T21:00:00Z"));
        assertThat(next.end().toInstant()).isEqualTo(Instant.parse("2026-11-29T01:00:00Z"));
        assertThat(next.describe()).isEqualTo("2026-11-28T22:00 to 2026-11-29T02:00 Europe/Berlin");
    }

    @Test
    void aWindowThatHasOpenedAlreadyGivesTheOneAWeekLater() {
        assertThat(PatchSchedule.nextOpening(SATURDAY_NIGHT, Instant.parse("2026-11-28T21:00:00Z")).start().toInstant())
                .isEqualTo(Instant.parse("2026-12-05T21:00:00Z"));
        assertThat(PatchSchedule.nextOpening(SATURDAY_NIGHT, Instant.parse("2026-11-28T20:59:59Z")).start().toInstant())
                .isEqualTo(Instant.parse("2026-11-28T21:00:00Z"));
    }

    @Test
    void summerTimeKeepsTheLocalStartAndTheWindowOverTheAutumnChangeLastsItsFourHours() {
        // 2026-03-28 is the Saturday before the spring change (29 March): still UTC+1; a week later UTC+2.
        assertThat(PatchSchedule.nextOpening(SATURDAY_NIGHT, Instant.parse("2026-03-28T12:00:00Z")).start().toInstant())
                .isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
        assertThat(PatchSchedule.nextOpening(SATURDAY_NIGHT, Instant.parse("2026-03-30T12:00:00Z")).start().toInstant())
                .isEqualTo(Instant.parse("2026-04-04T20:00:00Z"));
        // Saturday 24 October 22:00 CEST; the clocks go back at 03:00 on the 25th: four elapsed hours end at 01:00 CET.
        PatchSchedule.Window autumn = PatchSchedule.nextOpening(SATURDAY_NIGHT, Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(autumn.start().toInstant()).isEqualTo(Instant.parse("2026-10-24T20:00:00Z"));
        assertThat(autumn.end().toInstant()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
    }

    @Test
    void aRecurringStartInsideTheSpringGapMovesForwardByTheGap() {
        PatchWindow twoThirty = new PatchWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 30), Duration.ofHours(2), BERLIN);
        assertThat(PatchSchedule.nextOpening(twoThirty, Instant.parse("2026-03-28T12:00:00Z")).start().toInstant())
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void theEarliestOfSeveralWindowsIsTakenAndNoWindowsIsAClearRefusal() {
        PatchWindow wednesday = new PatchWindow(DayOfWeek.WEDNESDAY, LocalTime.of(20, 0), Duration.ofHours(2),
                ZoneId.of("America/New_York"));
        assertThat(PatchSchedule.nextOpening(List.of(SATURDAY_NIGHT, wednesday), Instant.parse("2026-11-25T12:00:00Z"))
                .start().toInstant()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
        assertThatThrownBy(() -> PatchSchedule.nextOpening(List.of(), Instant.now()))
                .hasMessageContaining("defines no patchWindows");
    }

    @Test
    void explicitWindowsAreCheckedWithAMessageNamingTheField() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(PatchSchedule.explicit("2026-11-28T22:00", "2026-11-29T02:00", "Europe/Berlin", now).start()
                .toInstant()).isEqualTo(Instant.parse("2026-11-28T21:00:00Z"));
        assertThatThrownBy(() -> PatchSchedule.explicit("2026-11-28T22:00", "2026-11-28T21:00", "Europe/Berlin", now))
                .hasMessageStartingWith("windowEnd: the window must end after it starts");
        assertThatThrownBy(() -> PatchSchedule.explicit("2026-11-20T22:00", "2026-11-21T02:00", "Europe/Berlin", now))
                .hasMessageContaining("is not in the future");
        assertThatThrownBy(() -> PatchSchedule.explicit("2026-11-28T22:00", "2026-11-29T02:00", "Mars/Olympus", now))
                .hasMessage("windowZone: 'Mars/Olympus' is not a time zone (such as Europe/Berlin)");
        assertThatThrownBy(() -> PatchSchedule.explicit("Saturday", "2026-11-29T02:00", "Europe/Berlin", now))
                .hasMessageStartingWith("windowStart: 'Saturday' is not a date and time");
        assertThatThrownBy(() -> PatchSchedule.explicit("2027-03-28T02:30", "2027-03-28T05:00", "Europe/Berlin", now))
                .hasMessageContaining("does not exist in Europe/Berlin");
        assertThatThrownBy(() -> PatchSchedule.leadTime("reminderLeadTime", "tomorrow", Duration.ZERO))
                .hasMessageContaining("is not a duration");
    }
}
