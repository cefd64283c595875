package org.outagedesk.base;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dates Outage Desk accepts at every input (issue 16, hole 3): {@code outagedesk.dates.earliest} (default
 * 1990-01-01) to {@code outagedesk.dates.latest} (default 2100-01-01), both UTC. A timeline entry in the year
 * -999999999 or a stop-sale starting in the year 1000000000 is a typing mistake or an attack; either one stored would
 * break the screens, reports and spreadsheets everyone shares, so it is refused with a clear message instead.
 */
@Component
public class DateBounds {

    private final LocalDate earliest;
    private final LocalDate latest;
    private final Instant from;
    private final Instant until;

    public DateBounds(@Value("${outagedesk.dates.earliest:1990-01-01}") LocalDate earliest,
            @Value("${outagedesk.dates.latest:2100-01-01}") LocalDate latest) {
        if (!earliest.isBefore(latest)) {
            throw new IllegalStateException("outagedesk.dates.earliest must be before outagedesk.dates.latest");
        }
        this.earliest = earliest;
        this.latest = latest;
        this.from = earliest.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.until = latest.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The defaults, for code and tests without the application's settings. */
    public static DateBounds defaults() {
        return new DateBounds(LocalDate.of(1990, 1, 1), LocalDate.of(2100, 1, 1));
    }

    public boolean accepts(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(until);
    }

    /** Null when {@code instant} is accepted, else what to tell the person (without quoting the input). */
    public @Nullable String problem(@Nullable Instant instant) {
        return instant == null || accepts(instant) ? null : "is outside the dates Outage Desk accepts (" + range()
                + ")";
    }

    /** Refuses an out-of-range {@code instant} naming {@code field}; null passes (the caller decides if it is needed). */
    public void check(String field, @Nullable Instant instant) {
        if (instant != null && !accepts(instant)) {
            throw new DomainException(field, "The date is outside the dates Outage Desk accepts (" + range() + ")");
        }
    }

    public String range() {
        return earliest + " to " + latest;
    }
}
