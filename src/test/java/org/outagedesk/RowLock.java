package org.outagedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A row locked ({@code select ... for update}) by a transaction on a thread of its own until {@link #close()}: what
 * another node's batch does to a job's row, so that a test can hold a job at its next write while it acts (a stop).
 */
public final class RowLock implements AutoCloseable {

    private final CountDownLatch unlock = new CountDownLatch(1);
    private final Thread holder;

    private RowLock(PlatformTransactionManager transactions, JdbcTemplate jdbc, String table, long id)
            throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        holder = Thread.ofPlatform().start(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.queryForObject("select id from " + table + " where id = ? for update", Long.class, id);
            locked.countDown();
            try {
                unlock.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).as(table + " " + id + " locked").isTrue();
    }

    /** Locks the row of {@code table} with this id; returns once it is locked. */
    public static RowLock of(PlatformTransactionManager transactions, JdbcTemplate jdbc, String table, long id)
            throws InterruptedException {
        return new RowLock(transactions, jdbc, table, id);
    }

    /** Ends the locking transaction and waits for it (up to 10 s). */
    @Override
    public void close() throws InterruptedException {
        unlock.countDown();
        holder.join(10_000);
    }
}
