package org.outagedesk.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A background check stopped while it runs finishes its run uninterrupted (an interrupt closes H2's file). */
class BackgroundTimerTest {

    @Test
    void a_run_under_way_when_the_timer_stops_finishes_without_an_interrupt_and_no_run_starts_after() throws Exception {
        BackgroundTimer timer = new BackgroundTimer("test-timer", LoggerFactory.getLogger(BackgroundTimerTest.class));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        timer.start(Duration.ZERO, Duration.ofMillis(100), () -> {
            runs.incrementAndGet();
            started.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted.set(true);
                    return;
                }
                Thread.onSpinWait();
            }
            finished.set(true);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        timer.stop(Duration.ofSeconds(5));
        assertThat(interrupted).as("the run was interrupted").isFalse();
        assertThat(finished).as("stop() returned only after the run finished").isTrue();
        int after = runs.get();
        // three periods of the timer pass without a run
        waitUpTo(Duration.ofSeconds(2), Duration.ofMillis(50), "no run after stop()")
                .during(Duration.ofMillis(300)).until(() -> runs.get() == after);
    }

    @Test
    void a_run_that_outlasts_the_grace_is_interrupted_so_that_the_application_can_stop() throws Exception {
        BackgroundTimer timer = new BackgroundTimer("test-timer", LoggerFactory.getLogger(BackgroundTimerTest.class));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        timer.start(Duration.ZERO, Duration.ofMillis(100), () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // a run that never ends by itself
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        timer.stop(Duration.ofMillis(200));
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
}
