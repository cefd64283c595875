package org.outagedesk.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Published when receipts said messages reached their recipients, a moment after the receipts' own transaction
 * (by {@link DeliveredMessages}, thousands at a time): the messages of one event (a notice) and channel delivered
 * at {@code at}, by their subscribers (only messages to a subscriber are published), each once. The feature that
 * sent them may react in the transaction it is published in (a delivered notice is a contact with the subscriber).
 */
public record OutboundMessagesDelivered(String kind, String eventKey, Channel channel, Instant at,
        List<Long> subscriberIds) {

    public OutboundMessagesDelivered {
        subscriberIds = List.copyOf(subscriberIds);
    }
}
