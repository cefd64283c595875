package org.outagedesk.outbox;

import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Msisdn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What comes back from the channels: delivery receipts and replies (STOP). Each is committed before it is acked.
 * Receipts arrive as fast as texts go out, each on one of the SMPP session's threads: they are written together
 * (a group commit: whatever has arrived while the last transaction ran, in one), and each thread acks its receipt
 * when the transaction that holds it has committed.
 */
@Component
class InboundMessages {

    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);
    /** Replies that opt a number out, as carriers' practice has it. */
    static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    /** Receipts written in one transaction at most. */
    private static final int RECEIPT_BATCH = 500;
    /** How long an SMSC thread waits for its receipt's commit before it answers "try again". */
    private static final Duration RECEIPT_WAIT = Duration.ofSeconds(30);

    private final ReceiptStore receiptRows;
    private final Durability durability;
    private final OptOuts optOuts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BlockingQueue<PendingReceipt> receipts = new LinkedBlockingQueue<>();
    private volatile boolean open = true;
    private @Nullable Thread writer;

    /** A receipt waiting for the group commit that writes it; {@code applied} is completed after the commit. */
    record PendingReceipt(Channel channel, String providerId, MessageStatus status, @Nullable String reason,
            CompletableFuture<Boolean> applied) {
    }

    InboundMessages(ReceiptStore receiptRows, Durability durability, OptOuts optOuts,
            PlatformTransactionManager transactions, Clock clock) {
        this.receiptRows = receiptRows;
        this.durability = durability;
        this.optOuts = optOuts;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Applies a receipt and returns once it is committed; false when no sent message has that id (yet), or when it
     * could not be written in time: the SMSC is then asked to send it again.
     */
    boolean receipt(Channel channel, String providerId, MessageStatus status, @Nullable String reason) {
        if (!open) {
            return false;
        }
        PendingReceipt p = new PendingReceipt(channel, providerId, status, reason, new CompletableFuture<>());
        startWriter();
        receipts.add(p);
        try {
            return p.applied().get(RECEIPT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private synchronized void startWriter() {
        if (writer == null && open) {
            writer = Thread.ofPlatform().daemon().name("outbox-receipts").start(this::writeLoop);
        }
    }

    /** Lets the receipts that have arrived be written, then stops (no interrupt: see the dispatcher). */
    @PreDestroy
    void close() throws InterruptedException {
        open = false;
        Thread t;
        synchronized (this) {
            t = writer;
        }
        if (t != null && !t.join(Duration.ofSeconds(30))) {
            log.warn("The receipt writer did not stop within 30 s");
        }
    }

    private void writeLoop() {
        List<PendingReceipt> batch = new ArrayList<>(RECEIPT_BATCH);
        while (open || !receipts.isEmpty()) {
            PendingReceipt first;
            try {
                first = receipts.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            receipts.drainTo(batch, RECEIPT_BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    /**
     * Writes a group of receipts in one transaction and completes each one's future. When the group fails, each
     * receipt is tried alone: one receipt that cannot be written (refused, so the SMSC offers it again) must not
     * refuse the others with it, again and again each time they come back together (a million-text run stalled so).
     */
    void write(List<PendingReceipt> batch) {
        try {
            commit(batch);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                refuse(batch, e);
                return;
            }
            log.warn("A group of {} delivery receipts could not be recorded ({}); each is tried alone", batch.size(),
                    causes(e));
            for (PendingReceipt p : batch) {
                try {
                    commit(List.of(p));
                } catch (RuntimeException | Error single) {
                    refuse(List.of(p), single);
                }
            }
        } catch (Error e) {
            refuse(batch, e);
        }
    }

    private void commit(List<PendingReceipt> batch) {
        boolean[] applied = tx.execute(s -> apply(batch));
        // on disk before the SMSC hears "taken": it will not send an acked receipt again
        durability.makeDurable();
        for (int k = 0; k < batch.size(); k++) {
            batch.get(k).applied().complete(applied != null && applied[k]);
        }
    }

    private static void refuse(List<PendingReceipt> batch, Throwable e) {
        if (batch.size() == 1) {
            log.error("The delivery receipt for the SMSC's message {} could not be recorded ({}); the SMSC sends it"
                    + " again", batch.getFirst().providerId(), causes(e), e);
        } else {
            log.error("{} delivery receipts could not be recorded ({}); the SMSC sends them again", batch.size(),
                    causes(e), e);
        }
        batch.forEach(p -> p.applied().complete(false));
    }

    /**
     * The messages of an exception's causes, with the statements' own errors a JDBC batch keeps apart
     * ({@link SQLException#getNextException}), which a stack trace leaves out.
     */
    static String causes(Throwable e) {
        StringBuilder s = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t) && seen.size() < 10; t = t.getCause()) {
            s.append(s.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
            if (t instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                for (int k = 0; next != null && k < 3; k++, next = next.getNextException()) {
                    s.append(" [next: ").append(next.getMessage());
                    if (next.getCause() != null) {
                        s.append(" <- ").append(next.getCause());
                    }
                    s.append(']');
                }
            }
        }
        return s.length() > 2000 ? s.substring(0, 2000) : s.toString();
    }

    /** In the caller's transaction: which receipts matched a message; the delivered ones are noted. */
    private boolean[] apply(List<PendingReceipt> batch) {
        Instant now = clock.instant();
        boolean[] applied = new boolean[batch.size()];
        Map<Channel, Map<String, ReceiptStore.Sent>> known = new EnumMap<>(Channel.class);
        for (PendingReceipt p : batch) {
            known.computeIfAbsent(p.channel(), c -> new HashMap<>());
        }
        known.forEach((channel, byId) -> byId.putAll(receiptRows.sentByProviderIds(channel, batch.stream()
                .filter(p -> p.channel() == channel).map(PendingReceipt::providerId).distinct().toList())));
        List<ReceiptStore.ReceiptUpdate> updates = new ArrayList<>();
        List<Long> delivered = new ArrayList<>();
        for (int k = 0; k < batch.size(); k++) {
            PendingReceipt p = batch.get(k);
            ReceiptStore.Sent m = known.get(p.channel()).get(p.providerId());
            if (m == null) {
                continue;
            }
            applied[k] = true;
            updates.add(new ReceiptStore.ReceiptUpdate(m.id(), p.status(), p.reason()));
            if (p.status() == MessageStatus.DELIVERED && m.status() != MessageStatus.DELIVERED
                    && m.subscriberId() != null) {
                // a receipt the SMSC sends twice is a contact once
                delivered.add(m.id());
            }
            known.get(p.channel()).put(p.providerId(), m.withStatus(p.status()));
        }
        receiptRows.applyReceipts(updates, now);
        // heard by the features that sent them shortly after, thousands at a time (DeliveredMessages)
        receiptRows.noteDelivered(delivered, now);
        return applied;
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
        // the number's texts already queued are skipped when their turn comes (OutboxStore.skipOptedOut)
        return optOuts.add(msisdn, source, by, now);
    }
}
