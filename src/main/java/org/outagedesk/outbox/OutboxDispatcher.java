package org.outagedesk.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.outagedesk.base.ThisNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Three threads per channel. The sender claims due messages {@code batch-size} at a time (see {@link OutboxStore#claim};
 * each claim is written to disk before a text of it leaves, which on H2 costs a CHECKPOINT: claims of twice the
 * window, 20, sent at half the rate of claims of 200; the claimer makes the next claim while this one is sent) and
 * hands them to the channel's sender at the channel's rate without waiting for the answers; the recorder writes each
 * answer as it comes ({@link ResultRecorder}), many in one transaction, so that an SMSC's message id is in the
 * database milliseconds after the SMSC gave it (a receipt can be matched, and a node killed mid-send leaves in doubt
 * only what was outstanding). A channel that is down leaves
 * its messages queued and is tried again every {@code reconnect}; its state is written to the database for every
 * node and screen. Everything it needs to go on after a restart is in the database. Stopping waits for the
 * outstanding answers and records them; it never interrupts a thread (an interrupt in the middle of an H2 file
 * read closes the database).
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** Results written in one transaction at most. */
    private static final int RECORD_BATCH = 500;

    private final List<ChannelSender> senders;
    private final OutboxStore store;
    private final OptOuts optOuts;
    private final ResultRecorder recorder;
    private final Durability durability;
    private final ChannelStates channelStates;
    private final OutboxProperties settings;
    private final Clock clock;
    private final ThisNode node;
    private final TransactionTemplate tx;
    private final Map<Channel, Pacer> pacers = new EnumMap<>(Channel.class);
    private final Map<Channel, AtomicLong> cycles = new EnumMap<>(Channel.class);
    private final Map<Channel, Boolean> lastUp = new EnumMap<>(Channel.class);
    private final Map<Channel, BlockingQueue<SendOutcome>> outcomes = new EnumMap<>(Channel.class);
    /** The next claim of a channel, made while the current one is being sent; touched by its sender thread only. */
    private final Map<Channel, CompletableFuture<Claim>> nextClaims = new ConcurrentHashMap<>();
    private final Map<Channel, ExecutorService> claimers = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final List<Thread> senderThreads = new ArrayList<>();
    private final List<Thread> recorderThreads = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean recording;
    private volatile Instant lastInDoubtCheck = Instant.EPOCH;

    /** What a claim won ({@code claimed}) and, of it, what is to be sent (not skipped as opted out). */
    private record Claim(List<OutboxMessage> toSend, int claimed) {
        static final Claim NONE = new Claim(List.of(), 0);
    }

    OutboxDispatcher(List<ChannelSender> senders, OutboxStore store, OptOuts optOuts, ResultRecorder recorder,
            Durability durability, ChannelStates channelStates, OutboxProperties settings, Clock clock,
            ThisNode node, PlatformTransactionManager transactions) {
        this.senders = senders;
        this.store = store;
        this.optOuts = optOuts;
        this.recorder = recorder;
        this.durability = durability;
        this.channelStates = channelStates;
        this.settings = settings;
        this.clock = clock;
        this.node = node;
        this.tx = new TransactionTemplate(transactions);
        for (ChannelSender s : senders) {
            pacers.put(s.channel(), new Pacer(s.rate()));
            cycles.put(s.channel(), new AtomicLong());
            outcomes.put(s.channel(), new LinkedBlockingQueue<>());
        }
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        running = true;
        recording = true;
        failInDoubt();
        for (ChannelSender sender : senders) {
            String name = sender.channel().name().toLowerCase();
            recorderThreads.add(Thread.ofPlatform().daemon().name("outbox-record-" + name)
                    .start(() -> recordLoop(sender.channel())));
            claimers.put(sender.channel(), Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().daemon().name("outbox-claim-" + name).factory()));
            senderThreads.add(Thread.ofPlatform().daemon().name("outbox-" + name).start(() -> loop(sender)));
        }
        log.info("Outbox dispatchers started on node {}", node);
    }

    /**
     * Stops claiming, lets what was handed over be answered (up to a minute), records every answer, disconnects (an
     * SMSC keeps the receipts still to come for the next bind), and only then returns: what is still unanswered stays
     * SENDING and is judged in doubt later, as after a crash.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        join(senderThreads, Duration.ofSeconds(30));
        claimers.values().forEach(ExecutorService::shutdown);
        claimers.clear();
        for (ChannelSender sender : senders) {
            if (!sender.awaitOutstanding(Duration.ofMinutes(1))) {
                log.warn("Some {} messages had no answer when the application stopped: they stay sending and are"
                        + " judged in doubt later", sender.channel());
            }
        }
        recording = false;
        join(recorderThreads, Duration.ofSeconds(30));
        // unbound now, while the far end is surely up: the demo's own SMSC stops with the beans, after every
        // lifecycle, and an unbind sent to it after that failed with two errors in the log at each stop
        senders.forEach(ChannelSender::disconnect);
    }

    private static void join(List<Thread> threads, Duration max) {
        for (Thread t : threads) {
            try {
                if (!t.join(max)) {
                    log.warn("{} did not stop within {} s", t.getName(), max.toSeconds());
                }
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
            } catch (RuntimeException | Error e) {
                log.error("The {} dispatcher failed a cycle; it goes on", sender.channel(), e);
            }
            cycles.get(sender.channel()).incrementAndGet();
            if (!worked) {
                pause(settings.poll());
            }
        }
        putBackNextClaim(sender.channel(), "The application is stopping");
    }

    private void pause(Duration d) {
        synchronized (signal) {
            if (!running) {
                return;
            }
            try {
                signal.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One round: make sure the channel is up, take the claim made during the last round (or claim now), start the
     * next claim, hand this one's messages over. True when it claimed messages (to send or skipped). The next claim
     * runs on its own thread while these messages go out, so the SMSC's window does not run dry while the database is
     * asked for more (on H2 a claim and its CHECKPOINT took about as long as sending the 200 texts of the claim
     * before it); it is started only after a full claim, when more are likely due, and a node holds at most two
     * claims at once.
     */
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
            putBackNextClaim(channel, e.getMessage());
            pause(settings.reconnect());
            return false;
        }
        CompletableFuture<Claim> ahead = nextClaims.remove(channel);
        Claim claim = ahead == null ? claim(channel) : ahead.join();
        if (claim.claimed() == 0) {
            return false;
        }
        List<OutboxMessage> batch = claim.toSend();
        ExecutorService claimer = claimers.get(channel);
        if (claim.claimed() >= settings.batchSize() && running && claimer != null) {
            nextClaims.put(channel, CompletableFuture.supplyAsync(() -> claimQuietly(channel), claimer));
        }
        BlockingQueue<SendOutcome> results = outcomes.get(channel);
        Pacer pacer = pacers.get(channel);
        for (OutboxMessage m : batch) {
            if (!running) {
                results.add(new SendOutcome(m, new SendResult.NotSent("The application is stopping")));
                continue;
            }
            sender.send(m, pacer, r -> results.add(new SendOutcome(m, r)));
        }
        return true;
    }

    /**
     * Claims due messages of the channel; on disk before a text of them leaves (a kill cannot resend them). Texts to
     * numbers that opted out since they were queued are skipped in the same transaction.
     */
    private Claim claim(Channel channel) {
        Claim claim = tx.execute(s -> {
            Instant now = clock.instant();
            List<OutboxMessage> claimed = store.claim(channel, now, settings.batchSize(), node.name());
            if (channel != Channel.SMS || claimed.isEmpty()) {
                return new Claim(claimed, claimed.size());
            }
            Set<String> optedOut = new HashSet<>(optOuts.optedOutAmong(claimed.stream().map(OutboxMessage::address)
                    .filter(Objects::nonNull).distinct().toList()));
            return new Claim(store.skipOptedOut(claimed, optedOut, now), claimed.size());
        });
        if (claim == null || claim.toSend().isEmpty()) {
            return claim == null ? Claim.NONE : claim;
        }
        durability.makeDurable();
        return claim;
    }

    /** A claim made ahead: a failure is logged and the round after it claims again. */
    private Claim claimQuietly(Channel channel) {
        try {
            return claim(channel);
        } catch (RuntimeException | Error e) {
            log.error("The {} dispatcher could not claim messages ahead; it claims again", channel, e);
            return Claim.NONE;
        }
    }

    /** A claim made ahead that will not be sent now (channel down, stopping): its messages go back to the queue. */
    private void putBackNextClaim(Channel channel, String reason) {
        CompletableFuture<Claim> claimed = nextClaims.remove(channel);
        if (claimed == null) {
            return;
        }
        BlockingQueue<SendOutcome> results = outcomes.get(channel);
        for (OutboxMessage m : claimed.join().toSend()) {
            results.add(new SendOutcome(m, new SendResult.NotSent(reason)));
        }
    }

    /** Writes results as they come: whatever has arrived since the last write, in one transaction. */
    private void recordLoop(Channel channel) {
        BlockingQueue<SendOutcome> results = outcomes.get(channel);
        List<SendOutcome> batch = new ArrayList<>(RECORD_BATCH);
        while (true) {
            SendOutcome first;
            try {
                first = results.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (!recording) {
                    return;
                }
                continue;
            }
            batch.add(first);
            results.drainTo(batch, RECORD_BATCH - 1);
            try {
                record(batch);
            } catch (RuntimeException | Error e) {
                log.error("{} results of the {} channel could not be recorded: those messages stay sending and are"
                        + " judged in doubt later", batch.size(), channel, e);
            }
            batch.clear();
        }
    }

    private void record(List<SendOutcome> batch) {
        String notSent = recorder.record(batch);
        if (notSent != null && running) {
            health(batch.getFirst().message().channel(), false, notSent);
        }
    }

    /** Writes the channel's state when it changes (the sender and the recorder threads both report). */
    private void health(Channel channel, boolean up, String error) {
        synchronized (lastUp) {
            Boolean before = lastUp.get(channel);
            if (before != null && before == up) {
                return;
            }
            lastUp.put(channel, up);
            logChange(channel, up, before, error);
        }
        tx.executeWithoutResult(s -> channelStates.record(channel, up, error, clock.instant()));
    }

    private static void logChange(Channel channel, boolean up, Boolean before, String error) {
        if (!up) {
            log.warn("{} channel down: {}", channel, error);
        } else if (before != null) {
            log.info("{} channel up again", channel);
        }
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
