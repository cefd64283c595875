package org.outagedesk.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands delivered messages to the features that sent them ({@link OutboundMessagesDelivered}), thousands at a time.
 * A receipt's transaction only notes the delivery ({@code outbox_delivered}): the SMSC waits for that commit before
 * it sends the next receipt, and the contact log of a delivered notice (a row, and the impact's last contact, for
 * each subscriber) made each of those commits several times heavier. Here one transaction takes up to
 * {@value #BATCH} noted deliveries, publishes them grouped as the receipts came (same event, channel and time, so a
 * contact has its delivery's time), and deletes them: whatever the listeners write commits with the delete, so each
 * delivery is heard once, also after a crash (what was not deleted is read again) and on several nodes (a row that
 * another node deleted first is skipped).
 */
@Component
class DeliveredMessages extends OutboxWorker {

    static final int BATCH = 5000;

    private final ReceiptStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    DeliveredMessages(ReceiptStore store, OutboxProperties settings, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        super("outbox-delivered", "Delivered messages could not be handed over; they are tried again", settings);
        this.store = store;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A full batch: more are likely noted, the next round starts at once. */
    @Override
    boolean round() {
        return handOver() >= BATCH;
    }

    /** One batch, in one transaction: returns how many noted deliveries it read. */
    int handOver() {
        Integer read = tx.execute(s -> {
            List<ReceiptStore.Delivered> batch = store.takeDelivered(BATCH);
            Map<Group, List<Long>> groups = new LinkedHashMap<>();
            for (ReceiptStore.Delivered d : batch) {
                if (d.subscriberId() != null) {
                    groups.computeIfAbsent(new Group(d.kind(), d.eventKey(), d.channel(), d.at()),
                            g -> new ArrayList<>()).add(d.subscriberId());
                }
            }
            groups.forEach((g, subscribers) -> events.publishEvent(new OutboundMessagesDelivered(g.kind(),
                    g.eventKey(), g.channel(), g.at(), subscribers)));
            return batch.size();
        });
        return read == null ? 0 : read;
    }

    private record Group(String kind, String eventKey, Channel channel, Instant at) {
    }
}
