package org.outagedesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The cache runs on a ticker of the test's own and a background executor it drives: no sleeps. */
class FigureCacheTest {

    private final AtomicInteger computations = new AtomicInteger();
    private final AtomicLong ticker = new AtomicLong(1_000_000_000L);
    private final List<Runnable> background = new ArrayList<>();
    /** How long (ticker nanoseconds) each computation takes. */
    private long computeNanos = 0;

    private Integer compute() {
        ticker.addAndGet(computeNanos);
        return computations.incrementAndGet();
    }

    private FigureCache<String> cache(long expensive, long refreshAfter, long maxAge) {
        return new FigureCache<>(Duration.ofNanos(expensive), Duration.ofNanos(refreshAfter), Duration.ofNanos(maxAge),
                ticker::get, background::add);
    }

    private void runBackground() {
        List<Runnable> tasks = List.copyOf(background);
        background.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void cheap_figures_are_computed_every_time() {
        FigureCache<String> cache = cache(1000, 1000, 1000);
        computeNanos = 999;
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(2);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_figure_that_once_was_expensive_and_now_is_cheap_is_forgotten() {
        FigureCache<String> cache = cache(1000, 10_000, 10_000);
        computeNanos = 1000;
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        assertThat(cache.size()).as("exactly the threshold is expensive").isEqualTo(1);
        ticker.addAndGet(10_000); // past its maximum age: computed again, cheaply this time
        computeNanos = 10;
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void expensive_figures_are_kept_per_key_while_young() {
        FigureCache<String> cache = cache(0, 1000, 2000);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        ticker.addAndGet(999);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        assertThat(cache.<Integer>get("b", this::compute)).isEqualTo(2);
        assertThat(computations).hasValue(2);
        assertThat(background).as("young: no refresh").isEmpty();
        cache.clear();
        assertThat(cache.size()).isZero();
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(3);
    }

    @Test
    void an_old_figure_is_served_once_more_while_one_background_computation_replaces_it() {
        FigureCache<String> cache = cache(0, 1000, 1_000_000);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        ticker.addAndGet(1000);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("caller", null));
        try {
            assertThat(cache.<Integer>get("a", this::compute)).as("served while it is recomputed").isEqualTo(1);
            assertThat(cache.<Integer>get("a", this::compute)).as("one refresh at a time").isEqualTo(1);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(background).hasSize(1);
        assertThat(computations).hasValue(1);
        AtomicInteger seenAs = new AtomicInteger();
        background.clear();
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        assertThat(background).as("the refresh already started is not repeated").isEmpty();

        // a fresh cache: the refresh runs as the caller, and its figure is then served
        FigureCache<String> second = cache(0, 1000, 1_000_000);
        second.get("a", () -> 10);
        ticker.addAndGet(1000);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("caller", null));
        try {
            assertThat(second.<Integer>get("a", () -> {
                seenAs.incrementAndGet();
                assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).isEqualTo("caller");
                return 11;
            })).isEqualTo(10);
        } finally {
            SecurityContextHolder.clearContext();
        }
        runBackground();
        assertThat(seenAs).hasValue(1);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("cleared after the refresh").isNull();
        assertThat(second.<Integer>get("a", () -> 12)).isEqualTo(11);
    }

    @Test
    void a_failed_refresh_keeps_serving_the_old_figure_and_tries_again() {
        FigureCache<String> cache = cache(0, 1000, 1_000_000);
        cache.get("a", () -> 1);
        ticker.addAndGet(1000);
        assertThat(cache.<Integer>get("a", () -> {
            throw new IllegalStateException("database gone");
        })).isEqualTo(1);
        runBackground();
        assertThat(cache.<Integer>get("a", () -> 2)).isEqualTo(1);
        assertThat(background).as("a new refresh after the failed one").hasSize(1);
        runBackground();
        assertThat(cache.<Integer>get("a", () -> 3)).isEqualTo(2);
    }

    @Test
    void a_figure_past_its_maximum_age_is_computed_while_the_caller_waits() {
        FigureCache<String> cache = cache(0, 0, 1000);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        ticker.addAndGet(1000);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(2);
        assertThat(background).isEmpty();
        ticker.addAndGet(999);
        assertThat(cache.<Integer>get("a", this::compute)).as("just young enough: served").isEqualTo(2);
    }

    @Test
    void figures_past_their_maximum_age_are_dropped_when_another_is_kept() {
        FigureCache<String> cache = cache(0, 1_000_000, 50);
        cache.get("text search 1", this::compute);
        cache.get("text search 2", this::compute);
        assertThat(cache.size()).isEqualTo(2);
        ticker.addAndGet(50);
        cache.get("text search 3", this::compute);
        assertThat(cache.size()).as("only the figure still young enough to be served").isEqualTo(1);
    }
}
