package org.outagedesk.outbox;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Skips the queued messages of cancelled events, {@value #BATCH} per transaction, in the background. A cancel only
 * marks the event held for good ({@link OutboxStore#cancel}): the dispatchers stop claiming it from that commit on,
 * and the manager's request returns at once (skipping a million queued texts in one transaction took 110.7 s on H2).
 * Everything it needs is in the database, so it goes on after a restart, and any node may do it (a message another
 * node skipped first is left alone). The hold ends once the event has nothing queued or sending.
 */
@Component
class CancelledEvents extends OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(CancelledEvents.class);
    /** Messages skipped in one transaction at most (about half a second on H2). */
    static final int BATCH = 2000;

    private final OutboxHolds holds;
    private final Clock clock;
    private final TransactionTemplate tx;

    CancelledEvents(OutboxHolds holds, OutboxProperties settings, Clock clock,
            PlatformTransactionManager transactions) {
        // the poll's wait also brings back a hold kept for a text that was sending at the cancel: it is answered
        // within moments, or judged in doubt minutes later
        super("outbox-cancel", "The queued messages of cancelled events could not be skipped; tried again shortly",
                settings);
        this.holds = holds;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    boolean round() {
        sweep(BATCH);
        return false;
    }

    /**
     * Skips the queued messages of every cancelled event, {@code batch} per transaction, and ends the holds of those
     * with nothing left queued or sending. Returns how many messages it skipped.
     */
    int sweep(int batch) {
        Map<String, String> events = tx.execute(s -> holds.cancelling());
        int skipped = 0;
        for (Map.Entry<String, String> e : events == null ? Map.<String, String>of().entrySet() : events.entrySet()) {
            skipped += inBatches(tx, () -> holds.skipQueued(e.getKey(), e.getValue(), clock.instant(), batch));
            if (Boolean.TRUE.equals(tx.execute(s -> holds.endCancel(e.getKey())))) {
                log.info("Event {}: every queued message skipped ({})", e.getKey(), e.getValue());
            }
        }
        return skipped;
    }
}
