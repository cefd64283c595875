package org.outagedesk.outbox;

import static org.outagedesk.outbox.OutboxStore.IN_DOUBT;
import static org.outagedesk.outbox.OutboxStore.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of "resend the failed ones" ({@code outbox_resend}): the request is one row, and {@link ResentEvents}
 * queues the event's failed and expired messages again a batch at a time. Every method runs in the caller's
 * transaction.
 */
@Component
class OutboxResends {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    OutboxResends(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A resend waiting to be done: what failed by {@code requestedAt}, those in doubt too when asked. */
    record Request(String eventKey, Instant requestedAt, boolean includeInDoubt) {
    }

    private static final RowMapper<Request> REQUEST = (rs, n) -> new Request(rs.getString(1),
            Objects.requireNonNull(OutboxStore.instant(rs, 2)), rs.getBoolean(3));

    /**
     * Asks for the event's failed and expired messages to be sent again (those in doubt only when
     * {@code includeInDoubt}); a second request before the first is done widens it. Returns how many will be, and how
     * many in doubt it leaves as they are, from one read of the failed messages.
     */
    ResendRequested request(String eventKey, Instant now, boolean includeInDoubt) {
        if (jdbc.update("update outbox_resend set requested_at = ?, include_in_doubt = include_in_doubt or ? where"
                + " event_key = ?", utc(now), includeInDoubt, eventKey) == 0) {
            jdbc.update("insert into outbox_resend (event_key, requested_at, include_in_doubt) values (?, ?, ?)",
                    eventKey, utc(now), includeInDoubt);
        }
        Request r = jdbc.queryForObject("select event_key, requested_at, include_in_doubt from outbox_resend where"
                + " event_key = ?", REQUEST, eventKey);
        long failed = 0;
        long inDoubt = 0;
        for (String status : STATUSES) {
            long[] counted = named.queryForObject("select count(*), coalesce(sum(case when m.last_error like '"
                    + IN_DOUBT + "%' then 1 else 0 end), 0) from outbox_message m where m.event_key = :event and"
                    + " m.status = :status and m.done_at <= :requestedAt", params(r).addValue("status", status),
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
            if (counted != null) {
                failed += counted[0];
                inDoubt += status.equals("FAILED") ? counted[1] : 0;
            }
        }
        return r.includeInDoubt() ? new ResendRequested(failed, 0) : new ResendRequested(failed - inDoubt, inDoubt);
    }

    /** The resends waiting, oldest first. */
    List<Request> pending() {
        return jdbc.query("select event_key, requested_at, include_in_doubt from outbox_resend order by requested_at",
                REQUEST);
    }

    /** Whether a resend of the event waits: its messages are not all queued again yet. */
    boolean pending(String eventKey) {
        return !jdbc.queryForList("select 1 from outbox_resend where event_key = ?", Integer.class, eventKey)
                .isEmpty();
    }

    /** Queues up to {@code limit} of the request's messages again, due at {@code now}; returns how many. */
    int requeue(Request r, Instant now, int limit) {
        List<Long> ids = new ArrayList<>();
        for (String status : STATUSES) {
            if (ids.size() < limit) {
                ids.addAll(named.queryForList("select m.id from outbox_message m where " + FAILED + " fetch first "
                        + Math.max(1, limit - ids.size()) + " rows only", params(r).addValue("status", status),
                        Long.class));
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        return named.update("update outbox_message set status = 'QUEUED', attempts = 0, not_before = :now,"
                + " provider_id = null, done_at = null where id in (:ids) and status in ('FAILED', 'EXPIRED')",
                new MapSqlParameterSource("ids", ids).addValue("now", utc(now)));
    }

    /** Ends the request once none of its messages is left to queue (in the same transaction as the check). */
    boolean end(Request r) {
        for (String status : STATUSES) {
            if (!named.queryForList("select m.id from outbox_message m where " + FAILED + " fetch first 1 rows only",
                    params(r).addValue("status", status), Long.class).isEmpty()) {
                return false;
            }
        }
        return jdbc.update("delete from outbox_resend where event_key = ? and requested_at = ?", r.eventKey(),
                utc(r.requestedAt())) > 0;
    }

    /** Forgets the event's request (the event was cancelled: what was not queued again stays as it is). */
    void drop(String eventKey) {
        jdbc.update("delete from outbox_resend where event_key = ?", eventKey);
    }

    /** What a resend sends again: failed or expired messages, read one status at a time (see {@link #FAILED}). */
    private static final List<String> STATUSES = List.of("FAILED", "EXPIRED");

    /**
     * The request's messages of one status (FAILED or EXPIRED): failed by its time (one that failed again since, after
     * being sent again, is not sent a third time), not those in doubt unless asked. One status per query: with
     * {@code status in ('FAILED', 'EXPIRED')} H2 read every message of the event through the index (5.2 s for a
     * notice of a million, where one status takes 157 ms).
     */
    private static final String FAILED = "m.event_key = :event and m.status = :status and m.done_at <= :requestedAt"
            + " and (:inDoubt = true or m.last_error is null or m.last_error not like '" + IN_DOUBT + "%')";

    private static MapSqlParameterSource params(Request r) {
        return new MapSqlParameterSource("event", r.eventKey()).addValue("requestedAt", utc(r.requestedAt()))
                .addValue("inDoubt", r.includeInDoubt());
    }
}
