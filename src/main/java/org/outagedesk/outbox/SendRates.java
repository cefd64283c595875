package org.outagedesk.outbox;

import static org.outagedesk.outbox.OutboxStore.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The send rate of an event from the database, so that every node and screen agree: each node adds what the far end
 * took to the event's 5-second slot ({@code outbox_sent_slot}), and the rate is what the slots of the last minute
 * hold, per second. Counting the messages sent in the last minute read every message of the event (2.8 s at a
 * million, on H2).
 */
@Component
class SendRates {

    private static final Logger log = LoggerFactory.getLogger(SendRates.class);
    static final Duration SLOT = Duration.ofSeconds(5);
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration KEEP = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private volatile Instant lastCleanup = Instant.EPOCH;

    SendRates(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Adds what was sent (by event) at {@code at} to its slot, in transactions of its own, after the results were
     * committed. A failure is logged and forgotten: the rate is a figure, no message depends on it.
     */
    void add(Map<String, Long> sentByEvent, Instant at) {
        if (sentByEvent.isEmpty()) {
            return;
        }
        OffsetDateTime slot = utc(slotOf(at));
        try {
            for (Map.Entry<String, Long> e : sentByEvent.entrySet()) {
                if (!increment(e.getKey(), slot, e.getValue())) {
                    try {
                        tx.executeWithoutResult(s -> jdbc.update("insert into outbox_sent_slot (event_key, slot_start,"
                                + " sent) values (?, ?, ?)", e.getKey(), slot, e.getValue()));
                    } catch (DataIntegrityViolationException raced) {
                        // another node made the slot in between
                        increment(e.getKey(), slot, e.getValue());
                    }
                }
            }
            // once a minute (and again when the clock went back)
            Instant last = lastCleanup;
            if (at.isBefore(last) || !at.isBefore(last.plus(WINDOW))) {
                lastCleanup = at;
                tx.executeWithoutResult(s -> jdbc.update("delete from outbox_sent_slot where slot_start < ?",
                        utc(at.minus(KEEP))));
            }
        } catch (RuntimeException e) {
            log.warn("The send rate could not be written; the messages are recorded all the same", e);
        }
    }

    private boolean increment(String eventKey, OffsetDateTime slot, long n) {
        Integer updated = tx.execute(s -> jdbc.update("update outbox_sent_slot set sent = sent + ? where event_key = ?"
                + " and slot_start = ?", n, eventKey, slot));
        return updated != null && updated > 0;
    }

    /** Messages per second over the last minute: what the slots that began in it hold, divided by 60. */
    double perSecond(String eventKey, Instant now) {
        Long n = jdbc.queryForObject("select coalesce(sum(sent), 0) from outbox_sent_slot where event_key = ?"
                + " and slot_start > ?", Long.class, eventKey, utc(now.minus(WINDOW)));
        return n == null ? 0 : n / (double) WINDOW.toSeconds();
    }

    static Instant slotOf(Instant at) {
        long slot = SLOT.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), slot) * slot);
    }
}
