package org.outagedesk.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Published when receipts say messages reached their recipients, in the transaction that records them: the
 * messages of one event (a notice) and channel delivered in that transaction, by their subscribers (those that have
 * one), each once. The feature that sent them may react (a delivered notice is a contact with the subscriber).
 */
public record OutboundMessagesDelivered(String kind, String eventKey, Channel channel, Instant at,
        List<Long> subscriberIds) {

    public OutboundMessagesDelivered {
        subscriberIds = List.copyOf(subscriberIds);
    }
}
