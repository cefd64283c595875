package org.outagedesk.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a batch of the senders' answers writes, for the dispatcher's recorder threads: sent (with the provider's id),
 * queued again after a temporary failure (or failed once it has had its attempts), failed, or back in the queue
 * unsent (the channel was down: the attempt does not count), all in one transaction; then made durable (a receipt
 * after a kill still finds its text) and added to the send rate.
 */
@Component
class ResultRecorder {

    private final OutboxStore store;
    private final SendRates rates;
    private final Durability durability;
    private final OutboxProperties settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    ResultRecorder(OutboxStore store, SendRates rates, Durability durability, OutboxProperties settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.rates = rates;
        this.durability = durability;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Writes the batch; returns why some were not sent (their channel is down), or null when all were. */
    @Nullable String record(List<SendOutcome> batch) {
        List<Long> notSent = new ArrayList<>();
        String[] notSentReason = {null};
        Map<String, Long> sentByEvent = new HashMap<>();
        Instant[] at = {null};
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            at[0] = now;
            sentByEvent.clear();
            Map<Long, String> sent = new LinkedHashMap<>();
            Map<Long, String> failed = new LinkedHashMap<>();
            for (SendOutcome o : batch) {
                OutboxMessage m = o.message();
                switch (o.result()) {
                    case SendResult.Accepted a -> {
                        sent.put(m.id(), a.providerId());
                        sentByEvent.merge(m.eventKey(), 1L, Long::sum);
                    }
                    case SendResult.Temporary t -> store.markRetry(m.id(), t.reason(),
                            now.plus(settings.backoffAfter(m.attempts())), settings.maxAttempts(), now);
                    case SendResult.Permanent p -> failed.put(m.id(), p.reason());
                    case SendResult.InDoubt d -> failed.put(m.id(), OutboxStore.IN_DOUBT + ": "
                            + Character.toLowerCase(d.reason().charAt(0)) + d.reason().substring(1));
                    case SendResult.NotSent n -> {
                        notSent.add(m.id());
                        notSentReason[0] = n.reason();
                    }
                }
            }
            store.markSent(sent, now);
            store.markFailed(failed, now);
            store.requeue(notSent, notSentReason[0] == null ? "" : notSentReason[0]);
        });
        // the provider ids on disk: a receipt after a kill still finds its text
        durability.makeDurable();
        rates.add(sentByEvent, at[0]);
        return notSent.isEmpty() ? null : notSentReason[0];
    }
}
