package org.outagedesk.outbox;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A background thread of the outbox that works in rounds: a round, then, unless it says more is waiting, a wait of
 * {@code outagedesk.outbox.poll} or until {@link #wake()}. A round that fails is logged and the next one tries again.
 * Stopping lets the round under way end (never an interrupt: one in the middle of an H2 file read closes the
 * database); what is left is in the database for the next start. Off when the dispatchers are ({@code enabled}).
 */
abstract class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final String name;
    private final String failure;
    private final OutboxProperties settings;
    private final Object signal = new Object();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param name    the thread's name
     * @param failure logged when a round fails
     */
    OutboxWorker(String name, String failure, OutboxProperties settings) {
        this.name = name;
        this.failure = failure;
        this.settings = settings;
    }

    /** One round of work; true when more is waiting (the next round starts at once). */
    abstract boolean round();

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            if (!thread.join(Duration.ofSeconds(30))) {
                log.warn("{} did not stop within 30 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Runs {@code batch} in a transaction of its own again and again until it does nothing or the worker stops, so
     * that each commit stays small; returns the sum of what the batches said they did.
     */
    int inBatches(TransactionTemplate tx, Supplier<Integer> batch) {
        int total = 0;
        int n;
        do {
            Integer done = tx.execute(s -> batch.get());
            n = done == null ? 0 : done;
            total += n;
        } while (n > 0 && isRunning());
        return total;
    }

    /** There is work now. */
    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            boolean more = false;
            try {
                more = round();
            } catch (RuntimeException | Error e) {
                log.error(failure, e);
            }
            if (more) {
                continue;
            }
            synchronized (signal) {
                if (!running) {
                    return;
                }
                try {
                    signal.wait(Math.max(1, settings.poll().toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
