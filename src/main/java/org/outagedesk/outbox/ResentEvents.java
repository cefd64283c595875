package org.outagedesk.outbox;

import java.time.Clock;
import java.util.List;
import org.outagedesk.base.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues the failed messages of an event again, {@value #BATCH} per transaction, in the background, after a manager
 * asked to resend them ({@link OutboxResends#request}): doing it in the request took 31.4 s for 50,000 failed texts on
 * H2. Everything it needs is in the database, so it goes on after a restart, and any node may do it (a message another
 * node queued first is left alone). The dispatchers send what it queued as they go.
 */
@Component
class ResentEvents extends OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(ResentEvents.class);
    /** Messages queued again in one transaction at most. */
    static final int BATCH = 2000;

    private final OutboxResends resends;
    private final OutboxDispatcher dispatcher;
    private final Clock clock;
    private final TransactionTemplate tx;

    ResentEvents(OutboxResends resends, OutboxDispatcher dispatcher, OutboxProperties settings, Clock clock,
            PlatformTransactionManager transactions) {
        super("outbox-resend", "The failed messages to resend could not be queued again; tried again shortly",
                settings);
        this.resends = resends;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    boolean round() {
        sweep(BATCH);
        return false;
    }

    /** Queues again the messages of every resend waiting, {@code batch} per transaction; returns how many. */
    int sweep(int batch) {
        List<OutboxResends.Request> requests = tx.execute(s -> resends.pending());
        int queued = 0;
        for (OutboxResends.Request r : requests == null ? List.<OutboxResends.Request>of() : requests) {
            queued += inBatches(tx, () -> {
                int n = resends.requeue(r, clock.instant(), batch);
                if (n > 0) {
                    // woken once this batch commits, so that its next claim finds them
                    AfterCommit.run(dispatcher::wake);
                }
                return n;
            });
            if (Boolean.TRUE.equals(tx.execute(s -> resends.end(r)))) {
                log.info("Event {}: the failed messages to resend are all queued again", r.eventKey());
            }
        }
        return queued;
    }
}
