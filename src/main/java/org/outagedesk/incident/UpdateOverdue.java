package org.outagedesk.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * An open incident has gone without a public update for longer than its cadence allows. Published once when it
 * becomes overdue ({@code reminder} 0) and once more per cadence period while it stays overdue (1, 2, ...), by
 * {@link UpdateOverdueWatcher}, outside any transaction. For the incident managers' e-mail: {@code eventKey} is the
 * same for the same incident, due time and reminder on every node and after a restart, so a sender that keeps one
 * message per key and recipient never sends the same reminder twice.
 */
public record UpdateOverdue(long incidentId, String title, Severity severity, Instant lastUpdateAt, Instant dueAt,
        Duration period, long reminder, Instant detectedAt) {

    public String eventKey() {
        return "update-overdue:" + incidentId + ":" + dueAt.getEpochSecond() + ":" + reminder;
    }

    /** How long the update is overdue when this was published. */
    public Duration overdueBy() {
        return Duration.between(dueAt, detectedAt);
    }
}
