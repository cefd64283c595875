package org.outagedesk.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message of the outbox as it stands. */
public record OutboxMessage(long id, String kind, String eventKey, String recipientKey, Channel channel,
        @Nullable Long subscriberId, @Nullable String address, @Nullable String subject, String body,
        @Nullable Integer smsParts, MessageStatus status, @Nullable String skipReason, int attempts,
        Instant notBefore, @Nullable String providerId, @Nullable String lastError, Instant queuedAt,
        @Nullable Instant sentAt, @Nullable Instant doneAt) {
}
