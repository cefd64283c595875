package org.outagedesk.notices;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outagedesk.outbox.MessageStatus;

/** One message of a notice: to whom, by which channel, where it is, and why when it did not arrive. */
public record NoticeMessage(long id, long subscriberId, String channel, String to, MessageStatus status,
        String statusLabel, @Nullable String reason, int attempts, @Nullable Integer smsParts, Instant queuedAt,
        Instant notBefore, @Nullable Instant sentAt, @Nullable Instant doneAt) {
}
