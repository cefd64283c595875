package org.outagedesk.base;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leases on background jobs kept in the job's own row (decision 0021): one node at a time runs a job of many batches
 * (a campaign's run, a notice's queueing); each batch renews this node's lease; a job whose lease lapsed (its node
 * died) is taken over by another node. The feature names its table and says in SQL when a job of it is running;
 * the table has {@code id}, {@code job_owner varchar(128)} and {@code job_lease_until timestamp with time zone}.
 * The lease lasts {@code outagedesk.jobs.lease} (1 min).
 */
@Component
public class JobLeases {

    private final NamedParameterJdbcTemplate jdbc;
    private final ThisNode node;
    private final Clock clock;
    private final Duration lease;

    JobLeases(NamedParameterJdbcTemplate jdbc, ThisNode node, Clock clock,
            @Value("${outagedesk.jobs.lease:1m}") Duration lease) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
        this.lease = lease.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : lease;
    }

    /** How long a lease lasts; the watchers look every third of it. */
    public Duration lease() {
        return lease;
    }

    /**
     * Takes or renews this node's lease on a running job, in the caller's transaction (the batch): true when the job
     * runs ({@code running}, SQL over the table's columns) and no other node holds a lease still good. The UPDATE
     * keeps the job's row locked until the batch commits: a node asking meanwhile waits, then finds it renewed.
     */
    public boolean hold(String table, String running, long id) {
        Instant now = clock.instant();
        return jdbc.update("update " + table + " set job_owner = :node, job_lease_until = :until where id = :id and ("
                + running + ") and (job_owner is null or job_owner = :node or job_lease_until < :now)",
                new MapSqlParameterSource("id", id).addValue("node", node.name())
                        .addValue("now", Timestamp.from(now)).addValue("until", Timestamp.from(now.plus(lease))))
                == 1;
    }

    /** Gives up this node's lease (the job is done, or stopped on an error). */
    public void release(String table, long id) {
        jdbc.update("update " + table + " set job_owner = null, job_lease_until = null where id = :id"
                + " and job_owner = :node", new MapSqlParameterSource("id", id).addValue("node", node.name()));
    }

    /** The running jobs ({@code running}) that no node holds: never leased, or the lease lapsed. */
    public List<Long> unheld(String table, String running) {
        return jdbc.queryForList("select id from " + table + " where (" + running + ")"
                + " and (job_owner is null or job_lease_until < :now) order by id",
                new MapSqlParameterSource("now", Timestamp.from(clock.instant())), Long.class);
    }

    /** This node's name, as the leases carry it. */
    public String node() {
        return node.name();
    }

    /** Whether a job's owner is a process of this host that has ended ({@link ThisNode#ownerEnded}). */
    public boolean ownerEnded(@Nullable String owner) {
        return node.ownerEnded(owner);
    }
}
