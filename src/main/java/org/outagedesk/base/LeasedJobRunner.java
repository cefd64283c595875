package org.outagedesk.base;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.slf4j.Logger;

/**
 * Runs one feature's leased jobs ({@link JobLeases}) on a background thread of this node: a job runs here once at a
 * time; a job asked for while its last run here is still ending starts again when that run ends; and, every third of
 * the lease, the running jobs that no node holds are taken over. The feature says what a run does (it takes and
 * renews the lease batch by batch, and handles its own errors) and which of its jobs are running.
 */
public final class LeasedJobRunner {

    private final String table;
    private final JobLeases leases;
    private final Logger log;
    private final String takeOverMessage;
    private final LongConsumer run;
    private final ExecutorService executor;
    private final BackgroundTimer watcher;
    private final Set<Long> active = ConcurrentHashMap.newKeySet();
    /** Asked to start while their last run here was still ending: started again when it has ended. */
    private final Set<Long> again = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * @param name            names the threads: {@code name-runner}, {@code name-lease-watcher}
     * @param table           the table whose rows carry the jobs' leases
     * @param takeOverMessage logged when a job is taken over, with the job's id and this node's name
     * @param run             runs the job with this id to its end, or until another node holds it
     */
    public LeasedJobRunner(String name, String table, JobLeases leases, Logger log, String takeOverMessage,
            LongConsumer run) {
        this.table = table;
        this.leases = leases;
        this.log = log;
        this.takeOverMessage = takeOverMessage;
        this.run = run;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-runner");
            t.setDaemon(true);
            return t;
        });
        this.watcher = new BackgroundTimer(name + "-lease-watcher", log);
    }

    /** Calls {@code takeOver} every third of the lease, from a third of the lease on. */
    public void watch(Runnable takeOver) {
        Duration every = leases.lease().dividedBy(3);
        watcher.start(every, every, takeOver);
    }

    /** Stops the watcher; a run under way goes on to its end. */
    public void stopWatching() {
        watcher.stop();
    }

    /**
     * Starts no other run and asks the one under way to stop at its next step ({@link #stopping()}, which a job reads
     * between its batches), then waits for it up to {@code grace}. It is not interrupted unless it outlasts the grace:
     * an interrupt inside an H2 file read or write closes the whole database for every thread still writing while
     * the application stops. The job goes on from its last batch at the next start or on another node.
     */
    public void stopRunning(Duration grace) {
        stopping = true;
        BackgroundTimer.stopGracefully(executor, grace, log, "A job of " + table);
    }

    /** True once the application stops: a job ends after the batch it is on. */
    public boolean stopping() {
        return stopping;
    }

    /** Starts here each job that no node holds ({@code running}: SQL over the table, see {@link JobLeases}). */
    public void takeOver(String running) {
        for (Long id : leases.unheld(table, running)) {
            if (!active.contains(id)) {
                log.info(takeOverMessage, id, leases.node());
                start(id);
            }
        }
    }

    /** Starts the job in the background unless it is already running here. */
    public void start(long id) {
        if (active.add(id)) {
            executor.submit(() -> {
                try {
                    run.accept(id);
                } finally {
                    active.remove(id);
                    if (again.remove(id)) {
                        start(id);
                    }
                }
            });
        } else {
            // a job asked for while the last one is ending here (a top-up right after the run, a resume right after a
            // pause) would otherwise wait for the lease watcher
            again.add(id);
            // the run may have ended between the two lines above, after it looked for a restart: start it here
            if (!active.contains(id) && again.remove(id)) {
                start(id);
            }
        }
    }

    public boolean isActive(long id) {
        return active.contains(id);
    }
}
