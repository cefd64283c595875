package org.outagedesk.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One dispatcher thread per channel: claims a batch of due messages (see {@link OutboxStore#claim}), hands it to
 * the channel's sender at the channel's rate, and records each result in one transaction per batch. A channel that
 * is down leaves its messages queued and is tried again every {@code reconnect}; its state is written to the
 * database for every node and screen. Everything it needs to go on after a restart is in the database.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final List<ChannelSender> senders;
    private final OutboxStore store;
    private final OutboxProperties settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Map<Channel, Pacer> pacers = new EnumMap<>(Channel.class);
    private final Map<Channel, AtomicLong> cycles = new EnumMap<>(Channel.class);
    private final Map<Channel, Boolean> lastUp = new EnumMap<>(Channel.class);
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile Instant lastInDoubtCheck = Instant.EPOCH;

    OutboxDispatcher(List<ChannelSender> senders, OutboxStore store, OutboxProperties settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.senders = senders;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        for (ChannelSender s : senders) {
            pacers.put(s.channel(), new Pacer(s.rate()));
            cycles.put(s.channel(), new AtomicLong());
        }
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        running = true;
        failInDoubt();
        for (ChannelSender sender : senders) {
            Thread t = Thread.ofPlatform().daemon().name("outbox-" + sender.channel().name().toLowerCase())
                    .start(() -> loop(sender));
            threads.add(t);
        }
        log.info("Outbox dispatchers started on node {}", settings.node());
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Tells idle dispatchers that there may be work (new messages, a resume). */
    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** How many times the channel's dispatcher has looked for work (tests wait on it instead of sleeping). */
    long cycles(Channel channel) {
        AtomicLong n = cycles.get(channel);
        return n == null ? 0 : n.get();
    }

    double currentRate(Channel channel) {
        Pacer p = pacers.get(channel);
        return p == null ? 0 : p.currentRate();
    }

    private void loop(ChannelSender sender) {
        while (running) {
            boolean worked = false;
            try {
                worked = cycle(sender);
            } catch (RuntimeException e) {
                log.error("The {} dispatcher failed a cycle; it goes on", sender.channel(), e);
            } catch (Error e) {
                log.error("The {} dispatcher failed a cycle; it goes on", sender.channel(), e);
            }
            cycles.get(sender.channel()).incrementAndGet();
            if (!worked && running) {
                synchronized (signal) {
                    try {
                        signal.wait(settings.poll().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** One round: make sure the channel is up, claim a batch, send it, record it. True when it sent something. */
    boolean cycle(ChannelSender sender) {
        Channel channel = sender.channel();
        if (clock.instant().isAfter(lastInDoubtCheck.plus(settings.inDoubtAfter().dividedBy(5)))) {
            failInDoubt();
        }
        try {
            sender.ensureReady();
            health(channel, true, null);
        } catch (ChannelSender.ChannelDownException e) {
            health(channel, false, e.getMessage());
            synchronized (signal) {
                try {
                    signal.wait(settings.reconnect().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
            return false;
        }
        List<OutboxMessage> batch = tx.execute(s -> store.claim(channel, clock.instant(), settings.batchSize(),
                settings.node()));
        if (batch == null || batch.isEmpty()) {
            return false;
        }
        List<SendResult> results = sender.send(batch, pacers.get(channel));
        record(batch, results);
        return true;
    }

    private void record(List<OutboxMessage> batch, List<SendResult> results) {
        List<Long> notSent = new ArrayList<>();
        String[] notSentReason = {null};
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            for (int k = 0; k < batch.size(); k++) {
                OutboxMessage m = batch.get(k);
                SendResult r = k < results.size() ? results.get(k) : new SendResult.NotSent("No result");
                switch (r) {
                    case SendResult.Accepted a -> store.markSent(m.id(), a.providerId(), now);
                    case SendResult.Temporary t -> store.markRetry(m.id(), t.reason(),
                            now.plus(settings.backoffAfter(m.attempts())), settings.maxAttempts(), now);
                    case SendResult.Permanent p -> store.markFailed(m.id(), p.reason(), now);
                    case SendResult.InDoubt d -> store.markFailed(m.id(), d.reason(), now);
                    case SendResult.NotSent n -> {
                        notSent.add(m.id());
                        notSentReason[0] = n.reason();
                    }
                }
            }
            store.requeue(notSent, notSentReason[0] == null ? "" : notSentReason[0]);
        });
        if (!notSent.isEmpty()) {
            health(batch.getFirst().channel(), false, notSentReason[0]);
        }
    }

    private void health(Channel channel, boolean up, String error) {
        Boolean before = lastUp.get(channel);
        if (before != null && before == up) {
            return;
        }
        lastUp.put(channel, up);
        if (!up) {
            log.warn("{} channel down: {}", channel, error);
        } else if (before != null) {
            log.info("{} channel up again", channel);
        }
        tx.executeWithoutResult(s -> store.channelState(channel, up, error, clock.instant()));
    }

    /** Messages left SENDING by a node that stopped long enough ago are FAILED as in doubt (never sent again). */
    void failInDoubt() {
        Instant now = clock.instant();
        lastInDoubtCheck = now;
        Integer n = tx.execute(s -> store.failInDoubt(null, now.minus(settings.inDoubtAfter()), now));
        if (n != null && n > 0) {
            log.warn("{} message(s) were left sending by a stopped node: marked FAILED (in doubt)", n);
        }
    }
}
