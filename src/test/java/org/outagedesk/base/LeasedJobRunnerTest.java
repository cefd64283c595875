package org.outagedesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Stopping the application stops a leased job between its batches, without an interrupt (an interrupt inside an H2
 * file read or write closes the database); only a job that outlasts the grace is interrupted.
 */
class LeasedJobRunnerTest {

    private final AtomicReference<LeasedJobRunner> runner = new AtomicReference<>();

    private LeasedJobRunner runner(java.util.function.LongConsumer job) {
        // the leases are not used by start and stopRunning
        LeasedJobRunner r = new LeasedJobRunner("test", "test_job", null,
                LoggerFactory.getLogger(LeasedJobRunnerTest.class), "Job {} taken over by {}", job);
        runner.set(r);
        return r;
    }

    @Test
    void a_job_under_way_ends_after_its_batch_when_the_application_stops_and_is_not_interrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean endedByItself = new AtomicBoolean();
        LeasedJobRunner r = runner(id -> {
            started.countDown();
            while (!runner.get().stopping()) {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50); // a batch
                while (System.nanoTime() < until) {
                    if (Thread.currentThread().isInterrupted()) {
                        interrupted.set(true);
                        return;
                    }
                    Thread.onSpinWait();
                }
                batches.incrementAndGet();
            }
            endedByItself.set(true);
        });
        r.start(7);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        r.stopRunning(Duration.ofSeconds(10));
        assertThat(interrupted).as("the job was interrupted").isFalse();
        assertThat(endedByItself).as("stopRunning returned after the job saw stopping() and ended").isTrue();
        assertThat(r.isActive(7)).isFalse();
    }

    @Test
    void a_job_that_outlasts_the_grace_is_interrupted_so_that_the_application_can_stop() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        LeasedJobRunner r = runner(id -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // a job that never looks at stopping() and never ends by itself
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        r.start(8);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        r.stopRunning(Duration.ofMillis(200));
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
