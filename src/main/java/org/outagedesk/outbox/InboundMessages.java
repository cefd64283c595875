package org.outagedesk.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Msisdn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What comes back from the channels: delivery receipts and replies (STOP). Each is committed before it is acked. */
@Component
class InboundMessages {

    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);
    /** Replies that opt a number out, as carriers' practice has it. */
    static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");

    private final OutboxStore store;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboundMessages(OutboxStore store, PlatformTransactionManager transactions, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** Applies a receipt; false when no sent message has that id yet (the SMSC is asked to send it again). */
    boolean receipt(Channel channel, String providerId, MessageStatus status, @Nullable String reason) {
        Boolean applied = tx.execute(s -> {
            Instant now = clock.instant();
            if (!store.receipt(channel, providerId, status, reason, now)) {
                return false;
            }
            if (status == MessageStatus.DELIVERED) {
                OutboxMessage m = store.byProviderId(channel, providerId);
                if (m != null) {
                    events.publishEvent(new OutboundMessageDelivered(m.kind(), m.eventKey(), m.subscriberId(),
                            channel, now));
                }
            }
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }

    /** A text from a subscriber. "STOP" (and its usual synonyms) opts the number out; anything else is ignored. */
    void reply(@Nullable String from, @Nullable String text) {
        if (from == null || text == null) {
            return;
        }
        String word = text.strip().toUpperCase(Locale.ROOT);
        if (!STOP_WORDS.contains(word)) {
            log.info("A reply that is not STOP was ignored");
            return;
        }
        String number;
        try {
            number = Msisdn.parse(from.startsWith("+") ? from : "+" + from).value();
        } catch (IllegalArgumentException e) {
            log.warn("STOP from a number that is not an MSISDN ignored");
            return;
        }
        tx.executeWithoutResult(s -> optOut(number, "SMS_STOP", "subscriber"));
    }

    /** In the caller's transaction. */
    boolean optOut(String msisdn, String source, String by) {
        Instant now = clock.instant();
        boolean added = store.optOut(msisdn, source, by, now);
        store.skipQueuedTexts(msisdn, now);
        return added;
    }
}
