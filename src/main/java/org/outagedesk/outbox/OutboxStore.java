package org.outagedesk.outbox;

import jakarta.persistence.EntityManagerFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's SQL for a message's life and its event's figures. Messages are rows touched set-wise or by id, never
 * loaded as entities: a notice has a million of them. Every method runs in the caller's transaction. What receipts
 * write is {@link ReceiptStore}; making commits survive a kill on H2 is {@link Durability}.
 */
@Component
class OutboxStore {

    static final String COLUMNS = "m.id, m.kind, m.event_key, m.recipient_key, m.channel, m.subscriber_id, m.address,"
            + " m.subject, m.body, m.sms_parts, m.status, m.skip_reason, m.attempts, m.not_before, m.provider_id,"
            + " m.last_error, m.queued_at, m.sent_at, m.done_at";

    /** How the last error of a message that may or may not have gone out begins. */
    static final String IN_DOUBT = "In doubt";

    /**
     * The order of an event's messages in its pages and its delivery report: by status, then channel, then as they
     * were queued. It is the order of the index on (event_key, status, channel, id), so both databases read a page
     * from the index instead of sorting every message of a million-message notice first (see migration V108).
     */
    static final String EVENT_ORDER = "m.event_key, m.status, m.channel, m.id";

    /** Paused events that a claim names; past this many it asks the database (see {@link #notPaused}). */
    static final int PAUSED_LISTED = 100;

    static final RowMapper<OutboxMessage> ROW = (rs, n) -> new OutboxMessage(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), Channel.valueOf(rs.getString(5)), (Long) rs.getObject(6, Long.class),
            rs.getString(7), rs.getString(8), rs.getString(9), (Integer) rs.getObject(10, Integer.class),
            MessageStatus.valueOf(rs.getString(11)), rs.getString(12), rs.getInt(13), instant(rs, 14),
            rs.getString(15), rs.getString(16), instant(rs, 17), instant(rs, 18), instant(rs, 19));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final String nextId;

    OutboxStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, EntityManagerFactory emf) {
        this.jdbc = jdbc;
        this.named = named;
        Dialect dialect = emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
        this.nextId = dialect.getSequenceSupport().getSelectSequenceNextValString("outbox_message_seq");
    }

    /** Of these recipients, those that already have a message of the event. */
    Set<String> recipientsOf(String eventKey, Collection<String> recipientKeys) {
        Set<String> found = new HashSet<>();
        List<String> keys = List.copyOf(recipientKeys);
        for (int from = 0; from < keys.size(); from += 1000) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + 1000));
            named.query("select recipient_key from outbox_message where event_key = :event"
                    + " and recipient_key in (:keys)", new MapSqlParameterSource("event", eventKey)
                    .addValue("keys", part), rs -> {
                        found.add(rs.getString(1));
                    });
        }
        return found;
    }

    /**
     * Inserts the messages that are not there yet (same event, recipient and channel); returns how many were new.
     * Each row's insert carries its own existence check ({@code insert ... select ... where not exists}), an index
     * probe on the unique key, so a batch done twice adds nothing without a query before it: the former check, a
     * {@code recipient_key in (1,000 keys)} per chunk, took most of a notice's queueing time on H2 (75 ms per
     * chunk against 20 ms for the insert). The key comes in as a row ({@code values}) that the check refers to: a
     * check on the parameters alone is a constant subquery that H2 evaluated once and reused for the same
     * statement, so the same message enqueued twice in one transaction hit the unique key. The unique key still
     * refuses any that a concurrent caller adds in between (the caller's transaction then fails and is retried by
     * its job).
     */
    int enqueue(List<OutboundMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return 0;
        }
        List<OutboundMessage> fresh = new ArrayList<>(messages.size());
        Set<String> seen = new HashSet<>();
        for (OutboundMessage m : messages) {
            if (seen.add(m.eventKey() + "\n" + m.recipientKey() + "\n" + m.channel().name())) {
                fresh.add(m);
            }
        }
        String sql = "insert into outbox_message (id, kind, event_key, recipient_key, channel, subscriber_id,"
                + " address, subject, body, sms_parts, status, skip_reason, attempts, not_before, queued_at, done_at)"
                + " select " + nextId + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?"
                + " from (values (?, ?, ?)) k (event_key, recipient_key, channel)"
                + " where not exists (select 1 from outbox_message o where o.event_key = k.event_key"
                + " and o.recipient_key = k.recipient_key and o.channel = k.channel)";
        OffsetDateTime at = utc(now);
        int[][] counts = jdbc.batchUpdate(sql, fresh, 1000, (ps, m) -> {
            boolean skipped = m.skipReason() != null;
            ps.setString(1, m.kind());
            ps.setString(2, m.eventKey());
            ps.setString(3, m.recipientKey());
            ps.setString(4, m.channel().name());
            ps.setObject(5, m.subscriberId(), Types.BIGINT);
            ps.setString(6, m.address());
            ps.setString(7, m.subject());
            ps.setString(8, m.body());
            ps.setObject(9, m.smsParts(), Types.INTEGER);
            ps.setString(10, skipped ? MessageStatus.SKIPPED.name() : MessageStatus.QUEUED.name());
            ps.setString(11, m.skipReason());
            ps.setObject(12, utc(m.notBefore()));
            ps.setObject(13, at);
            ps.setObject(14, skipped ? at : null, Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(15, m.eventKey());
            ps.setString(16, m.recipientKey());
            ps.setString(17, m.channel().name());
        });
        // H2 and PostgreSQL's driver say per row: 1 inserted, 0 already there (the driver rewrites only plain
        // INSERT ... VALUES batches, whose rows it could not tell apart)
        int added = 0;
        for (int[] chunk : counts) {
            for (int c : chunk) {
                added += c;
            }
        }
        return added;
    }

    /**
     * Claims up to {@code limit} due messages of the channel for {@code node}: each is moved from QUEUED to SENDING
     * by its id and only if it is still QUEUED, so two nodes never both win one (on PostgreSQL the loser's UPDATE
     * waits for the winner's commit and then matches nothing). Returns the messages this call won.
     */
    List<OutboxMessage> claim(Channel channel, Instant now, int limit, String node) {
        MapSqlParameterSource p = new MapSqlParameterSource("channel", channel.name()).addValue("now", utc(now))
                .addValue("limit", limit);
        List<Long> ids = named.queryForList("select m.id from outbox_message m where m.status = 'QUEUED'"
                + " and m.channel = :channel and m.not_before <= :now" + notPaused(p)
                + " order by m.status, m.channel, m.not_before, m.id fetch first :limit rows only", p, Long.class);
        if (ids.isEmpty()) {
            return List.of();
        }
        OffsetDateTime at = utc(now);
        int[] won = jdbc.batchUpdate("update outbox_message set status = 'SENDING', attempts = attempts + 1,"
                + " claimed_at = ?, claimed_by = ? where id = ? and status = 'QUEUED'", ids.stream()
                .map(id -> new Object[] {at, node, id}).toList());
        List<Long> mine = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            if (won[k] != 0) {
                mine.add(ids.get(k));
            }
        }
        if (mine.isEmpty()) {
            return List.of();
        }
        return named.query("select " + COLUMNS + " from outbox_message m where m.id in (:ids) order by m.id",
                new MapSqlParameterSource("ids", mine), ROW);
    }

    /**
     * The claim's condition that leaves out paused events. The paused events are read first and named in the claim:
     * with {@code not exists (select ... from outbox_paused ...)} PostgreSQL 15 planned a hash anti join, which
     * loses the due index's order, so every claim read and sorted every queued message of the channel before it took
     * 200 (35 ms a claim with 80,000 queued: the notice's largest cost on that database, 32 s of a notice to 100,000;
     * H2 kept the index's order). A pause committed between the two reads is seen by the next claim, as one
     * committed just after the claim would be. Past {@value #PAUSED_LISTED} paused events (none of the benchmark's
     * or the demo's notices come near it) the subquery is used again: slower, never wrong.
     */
    private String notPaused(MapSqlParameterSource p) {
        List<String> paused = jdbc.queryForList("select event_key from outbox_paused fetch first "
                + (PAUSED_LISTED + 1) + " rows only", String.class);
        if (paused.isEmpty()) {
            return "";
        }
        if (paused.size() > PAUSED_LISTED) {
            return " and not exists (select 1 from outbox_paused p where p.event_key = m.event_key)";
        }
        p.addValue("paused", paused);
        return " and m.event_key not in (:paused)";
    }

    /** Messages the far end took (id: the provider's message id): SENT, a receipt follows. One batch. */
    void markSent(Map<Long, String> providerIds, Instant now) {
        if (providerIds.isEmpty()) {
            return;
        }
        OffsetDateTime at = utc(now);
        jdbc.batchUpdate("update outbox_message set status = 'SENT', provider_id = ?, sent_at = ?, last_error = null"
                + " where id = ? and status = 'SENDING'", providerIds.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), at, e.getKey()}).toList());
    }

    /** A temporary failure: queued again for {@code retryAt}, or FAILED once it has had its attempts. */
    void markRetry(long id, String error, Instant retryAt, int maxAttempts, Instant now) {
        jdbc.update("update outbox_message set status = case when attempts >= ? then 'FAILED' else 'QUEUED' end,"
                + " done_at = case when attempts >= ? then ? else null end, not_before = ?, last_error = ?"
                + " where id = ? and status = 'SENDING'", maxAttempts, maxAttempts, utc(now), utc(retryAt),
                cut(error, 500), id);
    }

    /** Messages that will not go (id: why), in one batch. */
    void markFailed(Map<Long, String> errors, Instant now) {
        if (errors.isEmpty()) {
            return;
        }
        OffsetDateTime at = utc(now);
        jdbc.batchUpdate("update outbox_message set status = 'FAILED', done_at = ?, last_error = ? where id = ?"
                + " and status = 'SENDING'", errors.entrySet().stream()
                .map(e -> new Object[] {at, cut(e.getValue(), 500), e.getKey()}).toList());
    }

    /** The channel was down: the message goes back unsent, and the attempt does not count. */
    void requeue(Collection<Long> ids, String error) {
        if (ids.isEmpty()) {
            return;
        }
        named.update("update outbox_message set status = 'QUEUED', attempts = attempts - 1, last_error = :error"
                + " where id in (:ids) and status = 'SENDING'", new MapSqlParameterSource("ids", ids)
                .addValue("error", cut(error, 500)));
    }

    /**
     * Messages claimed before {@code claimedBefore} (by {@code node}, or by any node when null) and still SENDING:
     * their dispatcher stopped while sending. They may or may not have reached the SMSC, so they are not sent again
     * by themselves (nobody gets a notice twice): FAILED, with the reason; "resend failed" sends them.
     */
    int failInDoubt(@Nullable String node, Instant claimedBefore, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("before", utc(claimedBefore)).addValue("now", utc(now))
                .addValue("error", IN_DOUBT + ": sending was interrupted (the application stopped); it may have"
                        + " reached the recipient, so it was not sent again by itself");
        String byNode = "";
        if (node != null) {
            byNode = " and claimed_by = :node";
            p.addValue("node", node);
        }
        return named.update("update outbox_message set status = 'FAILED', done_at = :now, last_error = :error"
                + " where status = 'SENDING' and claimed_at < :before" + byNode, p);
    }

    /** Whether the event has a message in this status (one probe of the index on event and status). */
    boolean any(String eventKey, MessageStatus status) {
        return !jdbc.queryForList("select 1 from outbox_message m where m.event_key = ? and m.status = ?"
                + " fetch first 1 rows only", Integer.class, eventKey, status.name()).isEmpty();
    }

    Map<MessageStatus, Long> counts(String eventKey) {
        Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
        for (MessageStatus s : MessageStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("select m.status, count(*) from outbox_message m where m.event_key = ? group by m.status",
                rs -> {
                    counts.put(MessageStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, eventKey);
        return counts;
    }

    /** Counts per channel and status of an event. */
    Map<Channel, Map<MessageStatus, Long>> countsByChannel(String eventKey) {
        Map<Channel, Map<MessageStatus, Long>> counts = new EnumMap<>(Channel.class);
        // in the order of the index (event_key, status, channel, id): read from it alone, rows untouched
        jdbc.query("select m.channel, m.status, count(*) from outbox_message m where m.event_key = ?"
                + " group by m.status, m.channel", rs -> {
                    counts.computeIfAbsent(Channel.valueOf(rs.getString(1)), c -> new EnumMap<>(MessageStatus.class))
                            .put(MessageStatus.valueOf(rs.getString(2)), rs.getLong(3));
                }, eventKey);
        return counts;
    }

    List<OutboxMessage> page(String eventKey, @Nullable MessageStatus status, long offset, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("event", eventKey).addValue("offset", offset)
                .addValue("limit", limit);
        String where = " where m.event_key = :event";
        if (status != null) {
            where += " and m.status = :status";
            p.addValue("status", status.name());
        }
        return named.query("select " + COLUMNS + " from outbox_message m" + where + " order by " + EVENT_ORDER
                + " offset :offset rows fetch next :limit rows only", p, ROW);
    }

    /** Every message of the event in {@link #EVENT_ORDER}, handed over one at a time as the database streams them. */
    void forEach(String eventKey, Consumer<OutboxMessage> each) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1000);
        streaming.query("select " + COLUMNS + " from outbox_message m where m.event_key = ? order by " + EVENT_ORDER,
                (RowCallbackHandler) rs -> each.accept(ROW.mapRow(rs, 0)), eventKey);
    }

    long count(String eventKey, @Nullable MessageStatus status) {
        if (status == null) {
            Long n = jdbc.queryForObject("select count(*) from outbox_message m where m.event_key = ?", Long.class,
                    eventKey);
            return n == null ? 0 : n;
        }
        Long n = jdbc.queryForObject("select count(*) from outbox_message m where m.event_key = ? and m.status = ?",
                Long.class, eventKey, status.name());
        return n == null ? 0 : n;
    }

    List<OutboxMessage> ofSubscriber(long subscriberId, String kind, int limit) {
        return jdbc.query("select " + COLUMNS + " from outbox_message m where m.subscriber_id = ? and m.kind = ?"
                + " order by m.id desc fetch first " + Math.max(1, limit) + " rows only", ROW, subscriberId, kind);
    }

    /** Failed messages of the event that are in doubt: they may have reached their recipient. */
    long inDoubt(String eventKey) {
        Long n = jdbc.queryForObject("select count(*) from outbox_message m where m.event_key = ? and m.status ="
                + " 'FAILED' and m.last_error like '" + IN_DOUBT + "%'", Long.class, eventKey);
        return n == null ? 0 : n;
    }

    /**
     * Claimed texts to numbers on the opt-out list are SKIPPED ("opted out") instead of sent, in the claim's
     * transaction: the list is read when a text is about to go, so a STOP that comes after the notice was queued
     * (while it waits for morning, or mid-send) still stops the number's text. Returns the claimed messages left to
     * send. The former way, skipping the number's queued texts when the STOP came, read every queued text of the
     * outbox (no index has the address: one more would be rewritten at every status change of every text), about 5 s
     * per STOP with a million texts queued, on the SMSC's own thread.
     */
    List<OutboxMessage> skipOptedOut(List<OutboxMessage> claimed, Collection<String> optedOut, Instant now) {
        if (optedOut.isEmpty()) {
            return claimed;
        }
        List<Long> skip = new ArrayList<>();
        List<OutboxMessage> left = new ArrayList<>(claimed.size());
        for (OutboxMessage m : claimed) {
            if (m.channel() == Channel.SMS && optedOut.contains(m.address())) {
                skip.add(m.id());
            } else {
                left.add(m);
            }
        }
        if (!skip.isEmpty()) {
            // not an attempt: the text never went
            named.update("update outbox_message set status = 'SKIPPED', skip_reason = 'opted out', done_at = :now,"
                    + " attempts = attempts - 1 where id in (:ids) and status = 'SENDING'",
                    new MapSqlParameterSource("ids", skip).addValue("now", utc(now)));
        }
        return left;
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
