package org.outagedesk.outbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spreads sends evenly at a rate (messages per second), and slows down when the far end throttles: the rate halves
 * on each throttle and climbs back by a tenth of the configured rate every second without one.
 */
final class Pacer {

    private final double configured;
    private double rate;
    private long next = System.nanoTime();
    private long lastThrottle;

    Pacer(double rate) {
        this.configured = rate <= 0 ? Double.MAX_VALUE : rate;
        this.rate = this.configured;
    }

    /** Waits for the next slot (real time: this is throughput, not a business rule). */
    synchronized void acquire() {
        long now = System.nanoTime();
        if (rate < configured && now - lastThrottle > TimeUnit.SECONDS.toNanos(1)) {
            rate = Math.min(configured, rate + configured / 10);
            lastThrottle = now;
        }
        if (configured == Double.MAX_VALUE) {
            return;
        }
        long gap = (long) (1_000_000_000L / rate);
        next = Math.max(next + gap, now - TimeUnit.MILLISECONDS.toNanos(100));
        long wait = next - now;
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    synchronized void throttled() {
        rate = Math.max(1, rate / 2);
        lastThrottle = System.nanoTime();
    }

    synchronized double currentRate() {
        return rate;
    }
}
