package org.outagedesk.outbox;

import static org.outagedesk.outbox.OutboxStore.utc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of an event held back ({@code outbox_paused}): paused by a manager, or cancelled, its queued messages then
 * skipped a batch at a time ({@link CancelledEvents}). The claims leave held events out ({@link OutboxStore#claim}).
 * Every method runs in the caller's transaction.
 */
@Component
class OutboxHolds {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    OutboxHolds(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    void pause(String eventKey, Instant now) {
        if (jdbc.update("update outbox_paused set paused_at = paused_at where event_key = ?", eventKey) == 0) {
            jdbc.update("insert into outbox_paused (event_key, paused_at) values (?, ?)", eventKey, utc(now));
        }
    }

    /** Lets a paused event's messages go again (a cancelled event's hold stays until its messages are skipped). */
    void unpause(String eventKey) {
        jdbc.update("delete from outbox_paused where event_key = ? and skip_reason is null", eventKey);
    }

    /**
     * Holds the event for good: no message of it is claimed from this commit on, and {@link CancelledEvents} skips
     * what is still queued, a batch at a time.
     */
    void cancel(String eventKey, Instant now) {
        if (jdbc.update("update outbox_paused set skip_reason = 'cancelled' where event_key = ?", eventKey) == 0) {
            jdbc.update("insert into outbox_paused (event_key, paused_at, skip_reason) values (?, ?, 'cancelled')",
                    eventKey, utc(now));
        }
    }

    /** The cancelled events whose messages are still being skipped: event key and why. */
    Map<String, String> cancelling() {
        Map<String, String> events = new LinkedHashMap<>();
        jdbc.query("select event_key, skip_reason from outbox_paused where skip_reason is not null order by paused_at",
                rs -> {
                    events.put(rs.getString(1), rs.getString(2));
                });
        return events;
    }

    /** Skips up to {@code limit} queued messages of the event; returns how many. */
    int skipQueued(String eventKey, String reason, Instant now, int limit) {
        List<Long> ids = jdbc.queryForList("select m.id from outbox_message m where m.event_key = ? and m.status ="
                + " 'QUEUED' fetch first " + Math.max(1, limit) + " rows only", Long.class, eventKey);
        if (ids.isEmpty()) {
            return 0;
        }
        return named.update("update outbox_message set status = 'SKIPPED', skip_reason = :reason, done_at = :now"
                + " where id in (:ids) and status = 'QUEUED'", new MapSqlParameterSource("ids", ids)
                .addValue("reason", reason).addValue("now", utc(now)));
    }

    /**
     * Ends a cancelled event's hold once it has nothing queued or sending (a text still sending may come back as a
     * temporary failure, queued again: it is skipped too). True when it ended.
     */
    boolean endCancel(String eventKey) {
        // one status per subquery: with "status in (...)" H2 read every message of the event through the index
        return jdbc.update("delete from outbox_paused where event_key = ? and skip_reason is not null and not exists"
                + " (select 1 from outbox_message m where m.event_key = ? and m.status = 'QUEUED') and not exists"
                + " (select 1 from outbox_message m where m.event_key = ? and m.status = 'SENDING')", eventKey,
                eventKey, eventKey) > 0;
    }
}
