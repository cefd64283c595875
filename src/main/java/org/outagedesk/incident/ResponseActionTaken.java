package org.outagedesk.incident;

import java.time.Instant;

/**
 * Published by other features when something they did belongs on an incident's timeline (a hold placed or lifted,
 * a campaign approved, a bulk status change). The timeline listens to it synchronously, in the publisher's
 * transaction, so the action and its timeline entry are committed together. The publisher does not know the
 * listener; the timeline does not know the publishers.
 *
 * @param incidentId the incident whose timeline gets the entry
 * @param type       the kind of entry (STOP_SALE, CREDIT_DECISION, DATA_RECOVERY, ...)
 * @param occurredAt when it happened
 * @param visibility PUBLIC or INTERNAL
 * @param text       plain text, at most 10,000 characters
 * @param actor      the username of who did it
 */
public record ResponseActionTaken(long incidentId, TimelineEntryType type, Instant occurredAt, Visibility visibility,
        String text, String actor) {
}
