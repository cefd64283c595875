package org.outagedesk.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published when a receipt says a message reached its recipient, in the transaction that records it. The feature
 * that sent it may react (a delivered notice is a contact with the subscriber).
 */
public record OutboundMessageDelivered(String kind, String eventKey, @Nullable Long subscriberId, Channel channel,
        Instant at) {
}
