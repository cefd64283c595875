package org.outagedesk.base;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Figures that take long to compute (aggregates over a million impacts: H2 needs over a second for one GROUP BY)
 * are served from memory while a fresh computation runs in the background. Figures that are cheap to compute are
 * never served from memory: a small incident always gets exact figures, at once.
 * <ul>
 * <li>A computation that took {@code expensive} or longer is kept.</li>
 * <li>A kept value younger than {@code refreshAfter} is served as it is.</li>
 * <li>Older, up to {@code maxAge}: it is served and one background computation replaces it.</li>
 * <li>Older than {@code maxAge}, or never computed: the caller computes and waits.</li>
 * </ul>
 * So at a million impacts the counts are at most about {@code refreshAfter} plus one computation behind the
 * database while people look at them, and never more than {@code maxAge}. Whoever shows them says "as of".
 *
 * @param <K> what the figures are of (an incident and a kind of figure, say)
 */
public final class FigureCache<K> {

    private static final Logger log = LoggerFactory.getLogger(FigureCache.class);

    private record Entry(Object value, long computedAt, AtomicBoolean refreshing) {
    }

    private final Map<K, Entry> entries = new ConcurrentHashMap<>();
    private final long expensiveNanos;
    private final long refreshAfterNanos;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Executor background;

    public FigureCache(Duration expensive, Duration refreshAfter, Duration maxAge) {
        this(expensive, refreshAfter, maxAge, System::nanoTime, task -> Thread.ofVirtual().name("figures").start(task));
    }

    /** With a ticker and a background executor of the caller's: tests control time and the refresh. */
    FigureCache(Duration expensive, Duration refreshAfter, Duration maxAge, LongSupplier nanoTime,
            Executor background) {
        this.expensiveNanos = expensive.toNanos();
        this.refreshAfterNanos = refreshAfter.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
        this.background = background;
    }

    /** The figures of {@code key}: kept ones when computing them is expensive, else {@code compute}'s. */
    @SuppressWarnings("unchecked")
    public <T> T get(K key, Supplier<T> compute) {
        Entry e = entries.get(key);
        long now = nanoTime.getAsLong();
        if (e != null && now - e.computedAt() < maxAgeNanos) {
            if (now - e.computedAt() >= refreshAfterNanos && e.refreshing().compareAndSet(false, true)) {
                // as the caller: the computation may check roles
                SecurityContext caller = SecurityContextHolder.getContext();
                background.execute(() -> {
                    try {
                        SecurityContextHolder.setContext(caller);
                        compute(key, compute);
                    } catch (RuntimeException ex) {
                        log.warn("Refreshing the figures of {} failed; the kept ones are served until {}", key,
                                Duration.ofNanos(maxAgeNanos), ex);
                        e.refreshing().set(false);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                });
            }
            return (T) e.value();
        }
        return compute(key, compute);
    }

    /** How many figures are kept (for tests). */
    int size() {
        return entries.size();
    }

    /** Forgets every kept figure (the next question computes). */
    public void clear() {
        entries.clear();
    }

    private <T> T compute(K key, Supplier<T> compute) {
        long started = nanoTime.getAsLong();
        T value = compute.get();
        long done = nanoTime.getAsLong();
        if (done - started >= expensiveNanos) {
            entries.put(key, new Entry(value, started, new AtomicBoolean()));
            // keys include what people filter by: figures past their maximum age are never served, so they go
            entries.values().removeIf(e -> done - e.computedAt() >= maxAgeNanos);
        } else {
            entries.remove(key);
        }
        return value;
    }
}
