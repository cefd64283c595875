package org.outagedesk.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** No texts between {@code start} and {@code end} local time (the window may span midnight). */
record QuietHours(LocalTime start, LocalTime end) {

    boolean isQuiet(LocalTime t) {
        return start.isAfter(end) ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
    }

    /** {@code now} when it is not quiet in {@code zone}, else the end of the quiet hours there. */
    Instant nextAllowed(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (!isQuiet(local.toLocalTime())) {
            return now;
        }
        LocalDate day = local.toLocalTime().isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, end, zone).toInstant();
    }
}
