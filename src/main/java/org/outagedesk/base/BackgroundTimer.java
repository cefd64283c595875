package org.outagedesk.base;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A task run every so often on a daemon thread of its own, as the system user, until stopped: the shape of a node's
 * background checks (event retries, lease watchers). A run that throws is logged and the next runs as planned.
 * Start it when the application is ready and stop it in {@code @PreDestroy}.
 */
public final class BackgroundTimer {

    private final String name;
    private final Logger log;
    private final ScheduledExecutorService timer;

    public BackgroundTimer(String name, Logger log) {
        this.name = name;
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the task every {@code every} (at least every 100 ms), the first time after {@code first}. */
    public void start(Duration first, Duration every, Runnable task) {
        long period = Math.max(every.toMillis(), 100);
        timer.scheduleWithFixedDelay(() -> {
            try {
                SystemActor.run(task);
            } catch (RuntimeException e) {
                log.warn("{} failed; it runs again in {} ms", name, period, e);
            }
        }, Math.max(first.toMillis(), 0), period, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the timer: no run starts after this, and a run under way may finish (up to {@code grace}) before this
     * returns. It is not interrupted: an interrupt inside an H2 file read or write closes the channel and with it the
     * whole database, for every other thread still writing while the application stops. A run still going after the
     * grace is interrupted all the same (logged): the application must stop.
     */
    public void stop(Duration grace) {
        stopGracefully(timer, grace, log, name);
    }

    /**
     * Shuts {@code executor} down, lets the task under way finish for up to {@code grace}, and interrupts it only
     * past that (logged, naming {@code what}): the stop shared by the timers and {@link LeasedJobRunner}.
     */
    static void stopGracefully(ExecutorService executor, Duration grace, Logger log, String what) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(Math.max(0, grace.toMillis()), TimeUnit.MILLISECONDS)) {
                log.warn("{} was still running {} ms after the application began to stop; it is interrupted", what,
                        grace.toMillis());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stop(Duration)} with 30 seconds of grace. */
    public void stop() {
        stop(Duration.ofSeconds(30));
    }
}
