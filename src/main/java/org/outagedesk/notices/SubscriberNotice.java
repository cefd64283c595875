package org.outagedesk.notices;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outagedesk.outbox.MessageStatus;

/** A notice sent (or meant) for one subscriber: what an agent reads out ("we texted you on Oct 14 at 10:02"). */
public record SubscriberNotice(long noticeId, long incidentId, String noticeName, String channel,
        String channelLabel, MessageStatus status, String statusLabel, @Nullable String reason, Instant queuedAt,
        @Nullable Instant sentAt, @Nullable Instant doneAt) {
}
