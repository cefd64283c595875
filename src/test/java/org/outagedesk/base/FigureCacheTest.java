package org.outagedesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FigureCacheTest {

    private final AtomicInteger computations = new AtomicInteger();

    private Integer compute() {
        return computations.incrementAndGet();
    }

    @Test
    void cheap_figures_are_computed_every_time() {
        FigureCache<String> cache = new FigureCache<>(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(2);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(3);
    }

    @Test
    void expensive_figures_are_kept_per_key_while_young() {
        FigureCache<String> cache = new FigureCache<>(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(2));
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        assertThat(cache.<Integer>get("b", this::compute)).isEqualTo(2);
        assertThat(computations).hasValue(2);
        cache.clear();
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(3);
    }

    @Test
    void an_old_figure_is_served_once_more_while_one_background_computation_replaces_it()
            throws InterruptedException {
        FigureCache<String> cache = new FigureCache<>(Duration.ZERO, Duration.ZERO, Duration.ofHours(1));
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        assertThat(cache.<Integer>get("a", this::compute)).as("served while it is recomputed").isEqualTo(1);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (computations.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(computations).hasValueGreaterThanOrEqualTo(2);
        Thread.sleep(50);
        assertThat(cache.<Integer>get("a", this::compute)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_figure_past_its_maximum_age_is_computed_while_the_caller_waits() {
        FigureCache<String> cache = new FigureCache<>(Duration.ZERO, Duration.ZERO, Duration.ZERO);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(1);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(2);
        assertThat(cache.<Integer>get("a", this::compute)).isEqualTo(3);
    }

    @Test
    void figures_past_their_maximum_age_are_dropped_when_another_is_kept() throws InterruptedException {
        FigureCache<String> cache = new FigureCache<>(Duration.ZERO, Duration.ofHours(1), Duration.ofMillis(50));
        cache.get("text search 1", this::compute);
        cache.get("text search 2", this::compute);
        Thread.sleep(60);
        cache.get("text search 3", this::compute);
        assertThat(cache.size()).as("only the figure still young enough to be served").isEqualTo(1);
    }
}
