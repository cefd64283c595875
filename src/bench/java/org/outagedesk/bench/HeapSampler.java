package org.outagedesk.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The highest heap use seen while a path runs, sampled every 20 ms from a daemon thread (the JVM's "used", garbage
 * included: what the heap had to hold at that moment, never more than -Xmx).
 */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong max = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler(LongSupplier used) {
        thread = Thread.ofPlatform().daemon().start(() -> {
            while (running) {
                try {
                    max.accumulateAndGet(used.getAsLong(), Math::max);
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the process is going away; keep what was seen
                    return;
                }
            }
        });
    }

    static HeapSampler here() {
        return new HeapSampler(() -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    long max() {
        return max.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
