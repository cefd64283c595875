package org.outagedesk.outbox;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What {@link SmscSimulator} received, as tests and the benchmark read it: submits, texts (a concatenated text once,
 * on its last part), throttled submits, and, unless turned off for the benchmark's million, how many texts each number
 * got and the last {@value #RECENT} texts.
 */
final class SimulatorCounts {

    static final int RECENT = 200;

    private final AtomicLong submits = new AtomicLong();
    private final AtomicLong texts = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final ConcurrentHashMap<String, AtomicLong> perDestination = new ConcurrentHashMap<>();
    private final List<SmscSimulator.Received> recent = new CopyOnWriteArrayList<>();
    private volatile boolean keepRecipients = true;

    void submit() {
        submits.incrementAndGet();
    }

    void throttle() {
        throttled.incrementAndGet();
    }

    /** A whole text (its last part) to {@code destination}; its words decoded only when recipients are kept. */
    void text(String destination, Supplier<String> words) {
        texts.incrementAndGet();
        if (keepRecipients) {
            perDestination.computeIfAbsent(destination, k -> new AtomicLong()).incrementAndGet();
            recent.add(new SmscSimulator.Received(destination, words.get()));
            while (recent.size() > RECENT) {
                recent.removeFirst();
            }
        }
    }

    void keepRecipients(boolean keep) {
        keepRecipients = keep;
    }

    long submits() {
        return submits.get();
    }

    long texts() {
        return texts.get();
    }

    long throttled() {
        return throttled.get();
    }

    long receivedBy(String destination) {
        AtomicLong n = perDestination.get(destination);
        return n == null ? 0 : n.get();
    }

    long numbersReceivedTwice() {
        return perDestination.values().stream().filter(n -> n.get() > 1).count();
    }

    List<SmscSimulator.Received> recent() {
        return List.copyOf(recent);
    }

    void reset() {
        submits.set(0);
        texts.set(0);
        throttled.set(0);
        perDestination.clear();
        recent.clear();
    }
}
