package org.outagedesk.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An escalation e-mailed to a region's contact for a hold: to whom, its status in words, when it was queued and sent,
 * and why it was skipped when it was.
 */
public record EscalationSent(String region, @Nullable String address, String status, Instant queuedAt,
        @Nullable Instant sentAt, @Nullable String skipReason) {
}
