package org.outagedesk.outbox;

import static org.outagedesk.outbox.OutboxStore.cut;
import static org.outagedesk.outbox.OutboxStore.instant;
import static org.outagedesk.outbox.OutboxStore.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's SQL for what comes back: the messages delivery receipts are for, what the receipts set on them, and
 * the deliveries noted for {@link DeliveredMessages}. Every method runs in the caller's transaction.
 */
@Component
class ReceiptStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ReceiptStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A message a receipt may be for: sent (or already answered: an SMSC may send a receipt twice). */
    record Sent(long id, MessageStatus status, String kind, String eventKey, @Nullable Long subscriberId) {
        Sent withStatus(MessageStatus s) {
            return new Sent(id, s, kind, eventKey, subscriberId);
        }
    }

    /** What a receipt sets on its message. */
    record ReceiptUpdate(long id, MessageStatus status, @Nullable String reason) {
    }

    /**
     * The messages that receipts with these provider ids are for, by provider id: those sent or already answered
     * (a message still SENDING has no provider id yet). Should an SMSC ever give an id twice (a restarted one that
     * counts from the start again), a message awaiting its receipt is the one, else the newest.
     */
    Map<String, Sent> sentByProviderIds(Channel channel, List<String> providerIds) {
        Map<String, Sent> found = new HashMap<>();
        for (int from = 0; from < providerIds.size(); from += 1000) {
            named.query("select m.provider_id, m.id, m.status, m.kind, m.event_key, m.subscriber_id from"
                    + " outbox_message m where m.provider_id in (:ids) and m.channel = :channel and m.status in"
                    + " ('SENT', 'DELIVERED', 'FAILED', 'EXPIRED') order by case when m.status = 'SENT' then 1 else 0"
                    + " end, m.id", new MapSqlParameterSource("ids",
                            providerIds.subList(from, Math.min(providerIds.size(), from + 1000)))
                            .addValue("channel", channel.name()), rs -> {
                                found.put(rs.getString(1), new Sent(rs.getLong(2),
                                        MessageStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                                        rs.getObject(6, Long.class)));
                            });
        }
        return found;
    }

    /** Applies delivery receipts to their messages (found with {@link #sentByProviderIds}), in one batch. */
    void applyReceipts(List<ReceiptUpdate> updates, Instant now) {
        if (updates.isEmpty()) {
            return;
        }
        OffsetDateTime at = utc(now);
        jdbc.batchUpdate("update outbox_message set status = ?, done_at = ?, last_error = ? where id = ?",
                updates.stream().map(u -> new Object[] {u.status().name(), at, u.status() == MessageStatus.DELIVERED
                        ? null : cut(u.reason(), 500), u.id()}).toList());
    }

    /** Notes delivered messages for {@link DeliveredMessages} (in the receipts' transaction). */
    void noteDelivered(Collection<Long> messageIds, Instant at) {
        if (messageIds.isEmpty()) {
            return;
        }
        OffsetDateTime when = utc(at);
        jdbc.batchUpdate("insert into outbox_delivered (message_id, delivered_at) values (?, ?)", messageIds.stream()
                .map(id -> new Object[] {id, when}).toList());
    }

    /** A noted delivery, with what its listeners need of the message. */
    record Delivered(long messageId, Instant at, String kind, String eventKey, Channel channel,
            @Nullable Long subscriberId) {
    }

    /**
     * Takes up to {@code limit} noted deliveries, oldest message first: deletes each and returns those this call
     * deleted (on PostgreSQL another node's delete of the same row waits for this commit, then deletes nothing).
     */
    List<Delivered> takeDelivered(int limit) {
        List<Delivered> noted = jdbc.query("select d.message_id, d.delivered_at, m.kind, m.event_key, m.channel,"
                + " m.subscriber_id from outbox_delivered d join outbox_message m on m.id = d.message_id"
                + " order by d.message_id fetch first " + Math.max(1, limit) + " rows only", (rs, n) -> new Delivered(
                        rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        Channel.valueOf(rs.getString(5)), rs.getObject(6, Long.class)));
        if (noted.isEmpty()) {
            return noted;
        }
        int[] deleted = jdbc.batchUpdate("delete from outbox_delivered where message_id = ?", noted.stream()
                .map(d -> new Object[] {d.messageId()}).toList());
        List<Delivered> mine = new ArrayList<>(noted.size());
        for (int k = 0; k < noted.size(); k++) {
            if (deleted[k] != 0) {
                mine.add(noted.get(k));
            }
        }
        return mine;
    }
}
