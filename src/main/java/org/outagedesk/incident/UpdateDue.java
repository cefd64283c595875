package org.outagedesk.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * When an open incident's next public update is due: one cadence {@code period} after {@code lastUpdateAt} (its newest
 * public update, or its start when it has none).
 */
public record UpdateDue(Instant lastUpdateAt, Duration period, Instant dueAt) {

    public boolean overdueAt(Instant now) {
        return !now.isBefore(dueAt);
    }

    /** How long until it is due (zero or negative once overdue). */
    public Duration remainingAt(Instant now) {
        return Duration.between(now, dueAt);
    }

    /**
     * Which overdue reminder is current: 0 from the moment it becomes due, 1 a period later, and so on; -1 while it
     * is not due yet.
     */
    public long reminderAt(Instant now) {
        if (!overdueAt(now)) {
            return -1;
        }
        return Duration.between(dueAt, now).dividedBy(period);
    }
}
