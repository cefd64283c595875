package org.outagedesk.outbox;

import static org.outagedesk.outbox.OutboxStore.COLUMNS;
import static org.outagedesk.outbox.OutboxStore.ROW;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The message list of {@code GET /api/messages}: every outbound message, filtered, newest first.
 *
 * <p>Messages carry no incident column and no index on their address: the outbox's status changes are its send rate,
 * and on H2 2.4 every status change of a message rewrites every index of its row. So the list finds an incident's or a
 * recipient's messages in two parts, each through an index it has: the notices' messages through their event (the
 * index on the event key; the incident's notices are read first) or their subscriber (the index on the subscriber: a
 * notice is addressed to a subscriber's number or e-mail), and the store and team e-mails through the index on the
 * kind (a few per hold, store or manager). Read as one condition on every row, the whole outbox was read: 4 s for a
 * recipient, 13.5 s for an incident with 300 e-mails beside a notice of a million texts (H2, the production jar). A
 * status without an incident or a recipient is one part (see {@link #statusPart}); only a kind, or nothing, walks the
 * kind's index or the primary key.
 */
@Component
class MessageSearch {

    /**
     * Up to this many matches, a page reads the matches of each part through its index and sorts them; past it, it
     * walks the outbox newest first until it has the page (the matches are then dense among the newest messages:
     * sorting a million matches took 2.8 s, the walk 8 ms).
     */
    static final long SORT_MATCHES_UP_TO = 50_000;

    private final NamedParameterJdbcTemplate named;
    /** {@link #SORT_MATCHES_UP_TO}; a test sets it to 0 to read a few matches the other way. */
    long sortMatchesUpTo = SORT_MATCHES_UP_TO;

    MessageSearch(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /** The filters of the list, each optional. */
    record Filter(@Nullable Long incidentId, @Nullable String kind, @Nullable String recipient,
            @Nullable MessageStatus status) {

        boolean narrowed() {
            return incidentId != null || recipient != null;
        }

        boolean notices() {
            return kind == null || kind.equals(MessageKinds.NOTICE);
        }

        boolean mail() {
            return kind == null || !kind.equals(MessageKinds.NOTICE);
        }
    }

    /** The messages matching the filters, newest first, {@code limit} from {@code offset}, and how many match. */
    MessagePage find(Filter filter, long offset, int limit) {
        if (byKindIndex(filter)) {
            // "kind desc" (one value) lets H2 walk the index on (kind, id) backwards instead of sorting every
            // message of the kind (1.7 s for a million notice messages, then 2 ms)
            return new MessagePage(named.query("select " + COLUMNS + " from outbox_message m" + kindWhere(filter)
                    + " order by " + (filter.kind() != null ? "m.kind desc, " : "") + "m.id desc offset :offset rows"
                    + " fetch next :limit rows only", kindParams(filter).addValue("offset", offset)
                    .addValue("limit", limit), ROW), count(filter));
        }
        Parts parts = parts(filter);
        long total = parts.count();
        if (total == 0 || offset >= total) {
            return new MessagePage(List.of(), total);
        }
        MapSqlParameterSource p = parts.params.addValue("offset", offset).addValue("limit", limit);
        if (total <= sortMatchesUpTo || filter.recipient() != null) {
            // each part's newest offset + limit through its own index, then merged
            p.addValue("top", offset + limit);
            List<String> tops = parts.where.stream().map(w -> "select t.id from (select x.id from outbox_message x"
                    + " where " + w + " order by x.id desc fetch first :top rows only) t").toList();
            return new MessagePage(named.query("select " + COLUMNS + " from outbox_message m where m.id in ("
                    + String.join(" union all ", tops) + ") order by m.id desc offset :offset rows fetch next :limit"
                    + " rows only", p, ROW), total);
        }
        // many matches (an incident's notice of hundreds of thousands): newest first, each message tested. The
        // conditions inside a CASE, so that no index serves them: with one part, its index was read and every match
        // sorted (kind=NOTICE of the incident of a million texts: 12 s; the walk, 35 ms)
        List<String> any = parts.where.stream().map(w -> "(" + w + ")").toList();
        return new MessagePage(named.query("select " + COLUMNS.replace("m.", "x.") + " from outbox_message x where"
                + " case when " + String.join(" or ", any) + " then 1 else 0 end = 1 order by x.id desc offset"
                + " :offset rows fetch next :limit rows only", p, ROW), total);
    }

    long count(Filter filter) {
        if (byKindIndex(filter)) {
            Long n = named.queryForObject("select count(*) from outbox_message m" + kindWhere(filter),
                    kindParams(filter), Long.class);
            return n == null ? 0 : n;
        }
        return parts(filter).count();
    }

    /**
     * Neither an incident, nor a recipient, nor a status: the kind's index (or the primary key) walked newest first.
     * Everything else is read in parts (see {@link #parts}).
     */
    private static boolean byKindIndex(Filter filter) {
        return !filter.narrowed() && filter.status() == null;
    }

    private static String kindWhere(Filter filter) {
        return filter.kind() == null ? "" : " where m.kind = :kind";
    }

    private static MapSqlParameterSource kindParams(Filter filter) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (filter.kind() != null) {
            p.addValue("kind", filter.kind());
        }
        return p;
    }

    /** The conditions of the parts (each read through an index of its own) and their parameters. */
    private final class Parts {
        final List<String> where = new ArrayList<>();
        final MapSqlParameterSource params = new MapSqlParameterSource();

        long count() {
            long n = 0;
            for (String w : where) {
                Long part = named.queryForObject("select count(*) from outbox_message x where " + w, params,
                        Long.class);
                n += part == null ? 0 : part;
            }
            return n;
        }
    }

    private Parts parts(Filter filter) {
        Parts parts = new Parts();
        MapSqlParameterSource p = parts.params;
        if (!filter.narrowed()) {
            parts.where.add(statusPart(filter, p));
            return parts;
        }
        String common = "";
        if (filter.status() != null) {
            p.addValue("status", filter.status().name());
            common += " and x.status = :status";
        }
        if (filter.recipient() != null) {
            p.addValue("recipient", filter.recipient());
            common += " and (x.recipient_key = :recipient or x.address = :recipient)";
        }
        if (filter.notices()) {
            String where = noticePart(filter, p);
            if (where != null) {
                parts.where.add(where + common);
            }
        }
        if (filter.mail()) {
            String where;
            if (filter.kind() != null) {
                p.addValue("kind", filter.kind());
                where = "x.kind = :kind";
            } else {
                p.addValue("mailKinds", MessageKinds.MAIL);
                where = "x.kind in (:mailKinds)";
            }
            if (filter.incidentId() != null) {
                p.addValue("incident", filter.incidentId()).addValue("incidentText", ":" + filter.incidentId()
                        + ":");
                where += " and " + MAIL_OF_INCIDENT;
            }
            parts.where.add(where + common);
        }
        return parts;
    }

    /**
     * A status without an incident or a recipient, one part. With a store or team e-mail's kind (a few per hold or
     * store), through the kind's index; alone or with the notices' kind, through the dispatcher's index, which leads
     * with the status (through the kind's, six skipped messages among a million notice texts took 15 s to count and
     * 19 s to list; through the status, 85 ms). The other column is wrapped ({@code concat}) so that its index is not
     * the one chosen.
     */
    private static String statusPart(Filter filter, MapSqlParameterSource p) {
        p.addValue("status", filter.status().name());
        if (filter.kind() == null) {
            return "x.status = :status";
        }
        p.addValue("kind", filter.kind());
        return filter.kind().equals(MessageKinds.NOTICE) ? "x.status = :status and concat(x.kind, '') = :kind"
                : "x.kind = :kind and concat(x.status, '') = :status";
    }

    /**
     * The notices' part: their messages of the incident's notices (the event keys themselves, not a subquery: H2 then
     * reads them through the index on the event) and to the recipient's subscribers (only a notice's messages have a
     * subscriber). Null when it can match nothing: the incident has no notice, or no subscriber is the recipient.
     */
    private @Nullable String noticePart(Filter filter, MapSqlParameterSource p) {
        List<String> where = new ArrayList<>();
        if (filter.incidentId() != null) {
            List<String> events = named.queryForList("select n.id from customer_notice n where n.incident_id ="
                    + " :incident", new MapSqlParameterSource("incident", filter.incidentId()), Long.class).stream()
                    .map(id -> MessageKinds.NOTICE + ":" + id).toList();
            if (events.isEmpty()) {
                return null;
            }
            p.addValue("noticeEvents", events);
            where.add("x.event_key in (:noticeEvents)");
        }
        if (filter.recipient() != null) {
            List<Long> subscribers = subscribersAddressedBy(filter.recipient());
            if (subscribers.isEmpty()) {
                return null;
            }
            p.addValue("subscribers", subscribers);
            where.add("x.subscriber_id in (:subscribers)");
        }
        return String.join(" and ", where);
    }

    /**
     * The store and team e-mails of an incident: their event keys name it (":incident:" in
     * {@code update-overdue:I:...}) or name a hold or a sale violation of it. Tested on each e-mail of the kind's index, a few per hold or store.
     */
    private static final String MAIL_OF_INCIDENT = "(x.event_key like concat('update-overdue', :incidentText, '%')"
            + " or x.event_key like concat('retail-instruction', :incidentText, '%')"
            + " or exists (select 1 from sales_hold h where h.incident_id = :incident and (x.event_key in ("
            + "concat('hold-placed:', cast(h.id as varchar(20))), concat('hold-lifted:', cast(h.id as"
            + " varchar(20))), concat('escalation:', cast(h.id as varchar(20))))"
            + " or x.event_key like concat('ack-reminder:', cast(h.id as varchar(20)), ':%')))"
            + " or exists (select 1 from sale_violation v where v.incident_id = :incident"
            + " and x.event_key = concat('violation:', cast(v.id as varchar(20)))))";

    /**
     * The subscribers a notice to this recipient went to: by number (its unique index), by e-mail address (read from
     * every subscriber: no index, and only when it looks like one), or by the subscriber's id, which is a notice
     * message's recipient key. Their messages then match as every message does, on the recipient key or the address:
     * a notice e-mailed to an address the subscriber no longer has is found by the subscriber's id, not by that
     * address.
     */
    private List<Long> subscribersAddressedBy(String recipient) {
        Set<Long> ids = new LinkedHashSet<>(named.queryForList("select s.id from subscriber s where s.msisdn ="
                + " :recipient", new MapSqlParameterSource("recipient", recipient), Long.class));
        if (recipient.indexOf('@') > 0) {
            ids.addAll(named.queryForList("select s.id from subscriber s where s.email = :recipient",
                    new MapSqlParameterSource("recipient", recipient), Long.class));
        }
        if (!recipient.isEmpty() && recipient.length() <= 18 && recipient.chars().allMatch(Character::isDigit)) {
            ids.addAll(named.queryForList("select s.id from subscriber s where s.id = :id",
                    new MapSqlParameterSource("id", Long.parseLong(recipient)), Long.class));
        }
        return List.copyOf(ids);
    }
}
