package org.outagedesk.outbox;

import jakarta.persistence.EntityManagerFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the outbox hands to a third party (a claim before its texts leave, a receipt before it is acked) is on disk. */
@Component
class Durability {

    private final JdbcTemplate jdbc;
    private final boolean h2;
    private final AtomicLong checkpointsStarted = new AtomicLong();
    private final Object checkpointLock = new Object();
    /** The number of the last CHECKPOINT that completed (guarded by {@code checkpointLock}). */
    private long checkpointsDone;

    Durability(JdbcTemplate jdbc, EntityManagerFactory emf) {
        this.jdbc = jdbc;
        this.h2 = emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect() instanceof H2Dialect;
    }

    /**
     * Makes what was committed survive a kill of the process, outside any transaction. PostgreSQL's commit already
     * does. H2 writes its commits to the file in the background, up to half a second later: a claim lost that way
     * would send its texts again after a restart (twice), and a receipt acked and then lost would leave its text
     * "sent" for ever. CHECKPOINT writes them now. The claims, the results and the receipts ask for it from three
     * threads many times a second, and each CHECKPOINT writes every page changed since the last one (in a notice to
     * 100,000 the page writing took a core and the three threads waited on each other's CHECKPOINTs): one CHECKPOINT
     * serves every caller that asked before it started, so callers that ask while one runs share the next.
     */
    void makeDurable() {
        if (!h2) {
            return;
        }
        // a CHECKPOINT counted after this read started after the caller's commit, so it covers it
        long asked = checkpointsStarted.get();
        synchronized (checkpointLock) {
            if (checkpointsDone > asked) {
                return;
            }
            long n = checkpointsStarted.incrementAndGet();
            jdbc.execute("CHECKPOINT");
            checkpointsDone = n;
        }
    }
}
