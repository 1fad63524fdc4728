package com.eceops.runbook.technology.sql;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL Server Agent schedule in the words post-9 uses, and its msdb.dbo.sp_add_schedule arguments
 * (freq_type 4 = daily, 8 = weekly; freq_interval for weekly is a day bit mask, Sunday = 1;
 * freq_subday_type 4 = minutes, 8 = hours; times as HHMMSS integers). Checked against the sp_add_schedule page.
 */
record JobSchedule(int freqType, int freqInterval, int subdayType, int subdayInterval, LocalTime start) {

    private static final Pattern WEEKLY_SUNDAY = Pattern.compile("weekly Sunday (\\d{2}:\\d{2})");
    private static final Pattern DAILY_BUT_SUNDAY = Pattern.compile("daily except Sunday (\\d{2}:\\d{2})");
    private static final Pattern EVERY = Pattern.compile("every (\\d{1,3}) (minute|hour)s? from (\\d{2}:\\d{2})");

    static JobSchedule parse(String words) {
        Matcher m;
        if ((m = WEEKLY_SUNDAY.matcher(words)).matches()) {
            return new JobSchedule(8, 1, 1, 0, LocalTime.parse(m.group(1)));
        }
        if ((m = DAILY_BUT_SUNDAY.matcher(words)).matches()) {
            return new JobSchedule(8, 2 | 4 | 8 | 16 | 32 | 64, 1, 0, LocalTime.parse(m.group(1)));
        }
        if ((m = EVERY.matcher(words)).matches()) {
            int interval = Integer.parseInt(m.group(1));
            boolean minutes = m.group(2).equals("minute");
            if (interval < 1) {
                throw new IllegalArgumentException("a repeat interval is at least 1: '" + words + "'");
            }
            // A daily schedule with a sub-day repeat runs only between active_start_time and active_end_time
            // (235959) of each day (sp_add_schedule). Starting it at 01:30 would leave 00:00-01:30 of every day
            // without a run; the earliest time of day in step with "from HH:mm" keeps the rhythm around the clock.
            long period = interval * (minutes ? 60L : 3600L);
            LocalTime first = LocalTime.ofSecondOfDay(LocalTime.parse(m.group(3)).toSecondOfDay() % period);
            return new JobSchedule(4, 1, minutes ? 4 : 8, interval, first);
        }
        throw new IllegalArgumentException("a schedule is 'weekly Sunday HH:mm', 'daily except Sunday HH:mm' or "
                + "'every N minutes|hours from HH:mm', not '" + words + "'");
    }

    int startAsHhmmss() {
        return start.getHour() * 10000 + start.getMinute() * 100 + start.getSecond();
    }
}
